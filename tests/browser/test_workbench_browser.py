import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def log_in(browser, live_server, username, viewport=None):
    context = browser.new_context(viewport=viewport or {"width": 1366, "height": 768}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def test_a_village_assistant_sees_her_own_station(transactional_db, live_server, browser, heyuan,
                                                  village_assistant, screenshot):
    page = log_in(browser, live_server, "alice")
    screenshot(page, "village-assistant-home")
    assert "下城社区人力资源社会保障服务站" in page.text_content("main")
    assert "村(社区)协理员" in page.text_content("[data-testid=whoami]")
    assert "暂无待办事项" in page.text_content("[data-testid=pending]")
    assert "公园社区" not in page.content()
    # Typing a neighbour's address gets "not found", the same as a code that does not exist.
    response = page.goto(f"{live_server.url}/regions/441602001006/")
    assert response.status == 404


def test_a_county_officer_drills_down_to_a_village(transactional_db, live_server, browser, heyuan,
                                                   county_officer, screenshot):
    page = log_in(browser, live_server, "carl")
    screenshot(page, "county-officer-home")
    rows = page.locator("[data-testid=office-table] tbody tr")
    assert rows.count() == 8
    page.click("text=上城街道")
    page.wait_for_load_state("networkidle")
    assert page.text_content("[data-testid=office-name]") == "上城街道人力资源和社会保障服务所"
    page.click("text=下城社区")
    page.wait_for_load_state("networkidle")
    screenshot(page, "county-officer-village")
    crumbs = page.locator(".breadcrumb li").all_text_contents()
    assert [c.strip() for c in crumbs] == ["源城区", "上城街道", "下城社区"]
    assert page.goto(f"{live_server.url}/regions/441621000000/").status == 404


def test_the_office_search_works_on_a_phone(transactional_db, live_server, browser, heyuan, county_officer,
                                            screenshot):
    page = log_in(browser, live_server, "carl", viewport={"width": 390, "height": 844})
    page.fill("input[name=q]", "公园")
    page.wait_for_selector("[data-testid=search-results]")
    screenshot(page, "county-officer-phone-search")
    assert "公园社区" in page.text_content("[data-testid=search-results]")
    # The menu collapses behind the toggler on a narrow screen and opens on tap.
    assert not page.is_visible("text=修改密码")
    page.click(".navbar-toggler")
    page.wait_for_selector("text=修改密码", state="visible")


def test_a_wrong_password_shows_the_reason(transactional_db, live_server, browser, heyuan, village_assistant):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "not-her-password")
    page.click("button[type=submit]")
    assert "用户名或密码不正确" in page.text_content("[data-testid=login-error]")


def test_an_officer_counts_working_days_across_national_day(transactional_db, live_server, browser, heyuan,
                                                            township_officer, screenshot):
    from hrss.core.workdays import load_seed

    load_seed()  # a transactional test empties the tables the migration seeded
    page = log_in(browser, live_server, "tina")
    page.click("text=节假日安排")
    page.fill("#id_start", "2026-09-30")
    page.fill("#id_count", "10")
    page.get_by_role("button", name="计算").click()
    page.wait_for_load_state("networkidle")
    screenshot(page, "calendar")
    assert "2026-10-20" in page.text_content("[data-testid=workday-answer]")
    assert "国庆节调休" in page.text_content("[data-testid=calendar-days]")
