"""Opening an account as the three people meet it in a browser (ADR 0008): the system administrator opens it and
is shown the first half of a setup code, the security administrator grants a role and approves it and is shown the
second, the person sets their own password from the login page. On a desktop and on a phone."""

import pytest

from tests.browser.test_workbench_browser import log_in
from tests.conftest import VILLAGE

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WANGS_PASSWORD = "Xiacheng#Road2026"


def code_half(page):
    return page.text_content("[data-testid=code-half]").strip()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_account_is_opened_by_two_administrators_and_the_person(transactional_db, live_server, browser, heyuan,
                                                                   system_admin, security_admin, screenshot,
                                                                   viewport):
    width = viewport["width"]
    admin = log_in(browser, live_server, "sam", viewport=viewport)
    admin.goto(f"{live_server.url}/accounts/users/new/")
    admin.fill("#id_username", "wang")
    admin.fill("#id_full_name", "王芳")
    admin.fill("#id_region", VILLAGE)
    screenshot(admin, f"account-open-form-{width}")
    admin.click("main form button")
    admin.wait_for_load_state("networkidle")
    screenshot(admin, f"account-opened-first-half-{width}")
    main = admin.text_content("main")
    assert "账号已开设：wang" in main and "开设码第一段" in main and "没有初始密码" in main
    first = code_half(admin)
    assert admin.locator("[data-testid=code-half]").is_visible()

    security = log_in(browser, live_server, "sec", viewport=viewport)
    assert "待核准开设的账号" in security.text_content("main")
    security.goto(f"{live_server.url}/accounts/users/?setup=1")
    security.get_by_role("link", name="wang").click()
    security.wait_for_load_state("networkidle")
    security.check("input[value=village_assistant]")
    security.get_by_role("button", name="保存角色").click()
    security.wait_for_load_state("networkidle")
    screenshot(security, f"account-awaiting-approval-{width}")
    security.get_by_role("button", name="核准开设账号").click()
    security.wait_for_load_state("networkidle")
    screenshot(security, f"account-approved-second-half-{width}")
    assert "开设码第二段" in security.text_content("main")
    second = code_half(security)

    person = browser.new_context(viewport=viewport, locale="zh-CN").new_page()
    person.goto(f"{live_server.url}/accounts/login/")
    person.get_by_role("link", name="新账号或忘记密码？凭两段码设置密码").click()
    person.wait_for_load_state("networkidle")
    person.fill("#id_username", "wang")
    person.fill("#id_first_half", first)
    person.fill("#id_second_half", second)
    person.fill("#id_new_password", WANGS_PASSWORD)
    person.fill("#id_new_password_again", WANGS_PASSWORD)
    screenshot(person, f"account-setup-page-{width}")
    person.get_by_role("button", name="设置密码").click()
    person.wait_for_load_state("networkidle")
    assert "/accounts/login/" in person.url
    person.fill("#id_username", "wang")
    person.fill("#id_password", WANGS_PASSWORD)
    person.click("button[type=submit]")
    person.wait_for_load_state("networkidle")
    screenshot(person, f"account-first-login-{width}")
    assert person.url == f"{live_server.url}/"
    assert "下城社区" in person.text_content("main")
