"""On a 390 px phone the case page's worker table (trial, journey 3) keeps each worker's 已追回 amount and the 登记追回
input with its 保存 button in view: the form sits in its own row under the worker's line, and the table does not
scroll sideways."""

import pytest

from hrss.core.permissions import Role
from hrss.supervision.inspection import services
from hrss.supervision.permissions import LABOUR_INSPECTOR
from tests.browser.test_workbench_browser import log_in
from tests.conftest import COUNTY, TODAY
from tests.supervision.inspection.conftest import opened

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def test_the_recovery_input_and_save_are_in_view_on_a_phone(transactional_db, live_server, browser, heyuan, make_user,
                                                             screenshot):
    inspector = make_user("ivan", COUNTY, LABOUR_INSPECTOR)
    case = opened(inspector, employer_name="河源市宏达五金制品厂")
    for name, owed in (("陈大明", "4500"), ("刘小红", "4500"), ("欧阳晓明", "1234567.89")):
        services.add_worker(actor=inspector, case=case, name=name, amount_owed=owed, today=TODAY)
    worker_pk = case.workers.get(name="刘小红").pk
    page = log_in(browser, live_server, inspector.username, viewport=PHONE)
    page.goto(f"{live_server.url}/supervision/inspection/{case.pk}/")
    screenshot(page, "inspection-workers-390")
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
    case.refresh_from_db()
    assert str(case.amount_recovered) == "2000.50"


def test_the_approver_reads_the_extension_reason_on_a_phone(transactional_db, live_server, browser, heyuan, make_user,
                                                            screenshot):
    """待批准的延期 at 390 px (re-trial, journey 3): 用人单位 on a line, not one character a line, and the 延期理由 in
    view, wrapping under the case's line."""
    inspector = make_user("ivan", COUNTY, LABOUR_INSPECTOR)
    approver = make_user("amy", COUNTY, Role.COUNTY_APPROVER)
    case = opened(inspector, employer_name="河源市新华电子厂有限公司")
    reason = "涉及劳动者较多，需调取银行流水并逐一核对考勤记录与工资发放情况，预计无法在期限内结案"
    services.request_extension(actor=inspector, case=case, reason=reason, today=TODAY)
    page = log_in(browser, live_server, approver.username, viewport=PHONE)
    page.goto(f"{live_server.url}/supervision/inspection/extensions/")
    screenshot(page, "inspection-extensions-390")
    shown = page.locator("[data-testid=extension-reason]")
    assert shown.text_content().strip() == reason
    box = shown.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    row = page.locator("[data-testid=inspection-extension-row]")
    assert row.evaluate("box => box.scrollWidth <= box.clientWidth")
    employer = row.get_by_text("河源市新华电子厂有限公司")
    assert employer.bounding_box()["width"] > 100  # the name runs on a line, not one character a line
