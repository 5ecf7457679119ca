"""On a 390 px phone the case page's worker table (trial, journey 3) keeps each worker's 已追回 amount and the 登记追回
input with its 保存 button in view: the form sits in its own row under the worker's line, and the table does not
scroll sideways."""

import os
import threading
from pathlib import Path

import pytest

from hrss.supervision.inspection import services
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.test_workbench_browser import log_in
from tests.conftest import TODAY
from tests.supervision.inspection.conftest import opened

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def in_a_browser(look):
    """`look(browser)` with a chromium of its own, in a thread of its own: tests/browser's session fixture is not
    reachable from here, and a second Playwright in the thread running that one's loop is refused."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium fonts-wqy-microhei"
    failed = []

    def run():
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    look(browser)
                finally:
                    browser.close()
        except BaseException as error:  # noqa: BLE001 (handed back to the test's thread)
            failed.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]


def test_the_recovery_input_and_save_are_in_view_on_a_phone(transactional_db, live_server, heyuan, inspector):
    case = opened(inspector, employer_name="河源市宏达五金制品厂")
    for name, owed in (("陈大明", "4500"), ("刘小红", "4500"), ("欧阳晓明", "1234567.89")):
        services.add_worker(actor=inspector, case=case, name=name, amount_owed=owed, today=TODAY)
    worker_pk = case.workers.get(name="刘小红").pk
    in_a_browser(lambda browser: look_on_a_phone(browser, live_server, inspector, case, worker_pk))
    case.refresh_from_db()
    assert str(case.amount_recovered) == "2000.50"


def look_on_a_phone(browser, live_server, inspector, case, worker_pk):
    page = log_in(browser, live_server, inspector.username, viewport=PHONE)
    page.goto(f"{live_server.url}/supervision/inspection/{case.pk}/")
    if os.environ.get("HRSS_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["HRSS_SCREENSHOTS"], "inspection-workers-390.png"),
                        full_page=True)
    table = page.locator("[data-testid=inspection-workers] .table-responsive")
    assert table.evaluate("box => box.scrollWidth <= box.clientWidth")  # nothing off to the right
    for selector in ("[data-testid=inspection-recovery-form] input[name=amount_recovered]",
                     "[data-testid=inspection-recovery-form] button", "[data-testid=amount-recovered]"):
        for box in [element.bounding_box() for element in page.locator(selector).all()]:
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], selector
    assert page.locator("[data-testid=inspection-recovery-form]").count() == 3
    page.fill(f"#recovered-{worker_pk}", "2000.50")
    with page.expect_navigation():
        page.locator("[data-testid=inspection-recovery-form] button").nth(1).click()
    assert "2,000.50" in page.text_content("[data-testid=amount-recovered]")
