"""In a browser, on a phone: the village assistant opens a service's 一次性告知书, ticks what the citizen lacks and
gets the slip to print; the slip fits the phone's width, and printed it shows the slip without the menu."""

import pytest

from hrss.core import catalogue
from tests.browser.test_workbench_browser import log_in
from tests.conftest import TODAY

pytestmark = pytest.mark.browser

CODE = "employment/unemployment_registration"


def test_the_assistant_ticks_the_missing_documents_and_prints_the_slip_on_a_phone(
        transactional_db, live_server, browser, heyuan, village_assistant, screenshot):
    document = catalogue.service(CODE).documents_on(TODAY)[1]
    missing = document.name
    page = log_in(browser, live_server, "alice", viewport={"width": 375, "height": 740})
    page.goto(f"{live_server.url}/supervision/promises/services/")
    page.click("[data-service='employment/unemployment_registration'] a")
    page.wait_for_selector("[data-testid=promises-notice]")
    screenshot(page, "promises-notice-phone")
    page.check(f"input[name=missing][value='{missing}']")
    page.fill("#id_citizen_name", "张三")
    page.click("text=保存并打印")
    page.wait_for_selector("[data-testid=promises-slip]")
    screenshot(page, "promises-slip-phone")
    # The item, how it is handed in (原件 / 复印件N份) and the checklist's note.
    assert page.text_content("[data-testid=slip-missing]").strip() == f"{missing}（{document.how}）{document.note}"
    assert page.text_content("[data-testid=slip-citizen]") == "张三"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
    page.emulate_media(media="print")
    assert not page.is_visible("nav.navbar") and page.is_visible("[data-testid=promises-slip]")
