"""Error pages and the region picker as a user meets them in a browser, on a desktop and on a phone."""

import pytest

from hrss.core.permissions import Role
from tests.browser.test_workbench_browser import log_in
from tests.conftest import NEIGHBOUR_COUNTY, PASSWORD, VILLAGE

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_404_is_chinese_and_offers_the_way_back_and_out(transactional_db, live_server, browser, heyuan,
                                                         village_assistant, screenshot, viewport):
    page = log_in(browser, live_server, "alice", viewport=viewport)
    page.goto(f"{live_server.url}/residents/")
    page.evaluate(f"window.location.href = '{live_server.url}/regions/{NEIGHBOUR_COUNTY}/'")
    page.wait_for_load_state("networkidle")
    screenshot(page, f"error-404-{viewport['width']}")
    box = page.locator("[data-testid=error-page]")
    assert "页面不存在" in box.text_content() and "不在您的管辖范围内" in box.text_content()
    assert page.get_by_role("link", name="返回上一页").is_visible()
    assert page.get_by_role("link", name="回到工作台").is_visible()
    page.get_by_role("button", name="退出登录").click()  # in the page itself, also where the menu is folded away
    page.wait_for_load_state("networkidle")
    assert "/accounts/login/" in page.url


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_403_is_chinese_and_leads_back_to_the_workbench(transactional_db, live_server, browser, heyuan, auditor,
                                                         screenshot, viewport):
    page = log_in(browser, live_server, "audrey", viewport=viewport)
    response = page.goto(f"{live_server.url}/residents/")
    assert response.status == 403
    screenshot(page, f"error-403-{viewport['width']}")
    assert "没有权限" in page.text_content("[data-testid=error-page]")
    page.get_by_role("link", name="回到工作台").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}/"
    assert "审计日志" in page.text_content("nav")


def test_a_new_account_without_a_role_is_told_what_to_do_after_its_first_password_change(
        transactional_db, live_server, browser, heyuan, make_user, screenshot):
    make_user("newbie", VILLAGE, must_change=True)
    page = log_in(browser, live_server, "newbie", viewport=PHONE)
    page.fill("#id_old_password", PASSWORD)
    page.fill("#id_new_password", "Heyuan@2027x")
    page.fill("#id_new_password_again", "Heyuan@2027x")
    page.click("main form button")
    page.wait_for_load_state("networkidle")
    screenshot(page, "error-403-no-role-390")
    assert "尚未分配角色" in page.text_content("[data-testid=error-page]")
    assert page.get_by_role("button", name="退出登录").is_visible()
    assert page.get_by_role("link", name="返回上一页").count() == 0  # it would lead back to the password page


def test_the_region_picker_lists_names_as_the_administrator_types(transactional_db, live_server, browser, heyuan,
                                                                  system_admin, screenshot):
    page = log_in(browser, live_server, "sam", viewport=DESKTOP)
    page.goto(f"{live_server.url}/accounts/users/new/")
    page.fill("#id_username", "wang")
    page.fill("#id_full_name", "王芳")
    page.locator("#id_region").press_sequentially("下城", delay=50)
    page.wait_for_selector("#id_region-options option", state="attached")
    options = page.locator("#id_region-options option").evaluate_all("list => list.map(o => o.value)")
    assert f"下城社区（上城街道） {VILLAGE}" in options
    page.fill("#id_region", options[0])
    screenshot(page, "user-create-picker-1280")
    page.click("main form button")
    page.wait_for_load_state("networkidle")
    assert "账号已开设" in page.text_content("main")


def test_pages_of_this_change_look_right(transactional_db, live_server, browser, heyuan, make_user, system_admin,
                                         village_assistant, auditor, screenshot):
    """Screenshots (HRSS_SCREENSHOTS) of the audit log, the role assignment and the region forms."""
    from hrss.accounts import services

    services.set_active(actor=system_admin, user=village_assistant, active=False)
    services.set_active(actor=system_admin, user=village_assistant, active=True)
    security = make_user("sec", "441600000000", Role.SECURITY_ADMIN)
    for viewport in (DESKTOP, PHONE):
        page = log_in(browser, live_server, "audrey", viewport=viewport)
        page.goto(f"{live_server.url}/audit/")
        screenshot(page, f"audit-{viewport['width']}")
        shown = "[data-testid=audit-table]" if viewport is DESKTOP else "[data-testid=audit-list-phone]"
        assert page.is_visible(shown) and "停用账号" in page.text_content(shown)
        page = log_in(browser, live_server, "sam", viewport=viewport)
        page.goto(f"{live_server.url}/regions/{VILLAGE}/")
        screenshot(page, f"region-manage-{viewport['width']}")
        page = log_in(browser, live_server, security.username, viewport=viewport)
        page.goto(f"{live_server.url}/accounts/users/{village_assistant.pk}/")
        screenshot(page, f"user-roles-{viewport['width']}")
        assert page.locator("input[name=roles]").count() == 1
