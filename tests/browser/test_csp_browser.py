import pytest

from tests.browser.test_workbench_browser import log_in

pytestmark = pytest.mark.browser

PAGES = ["/", "/residents/", "/residents/statistics/", "/calendar/", "/employment/queue/", "/employment/ledgers/",
         "/regions/441602001003/"]


def test_no_page_breaks_the_content_security_policy(transactional_db, live_server, browser, heyuan, city_admin,
                                                     village_assistant):
    from hrss.core.workdays import load_seed

    load_seed()
    page = log_in(browser, live_server, "cindy")
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    for path in PAGES:
        response = page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
    # The statistics page draws its charts with ECharts under this policy.
    page.goto(f"{live_server.url}/residents/statistics/")
    page.wait_for_load_state("networkidle")
    assert page.locator("canvas").count() > 0
    assert violations == []
