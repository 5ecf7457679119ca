"""Error pages a user meets: Chinese, in the site's layout, with a way back and a way out."""

import pytest
from django.test import Client

from tests.conftest import NEIGHBOUR_COUNTY, PASSWORD, VILLAGE


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_page_outside_the_scope_says_not_found_in_chinese_with_a_way_back(heyuan, village_assistant):
    response = logged_in(village_assistant).get(f"/regions/{NEIGHBOUR_COUNTY}/",
                                                HTTP_REFERER="http://testserver/residents/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in html and "不在您的管辖范围内" in html
    assert 'href="http://testserver/residents/">返回上一页' in html
    assert 'href="/">回到工作台' in html
    assert 'action="/accounts/logout/"' in html
    assert "劳动力台账" in html  # the site's navigation is there
    assert "Not Found" not in html


def test_an_unknown_address_is_the_same_page(heyuan, village_assistant):
    response = logged_in(village_assistant).get("/no-such-page/")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()


def test_a_referer_from_another_site_is_not_offered_as_the_way_back(heyuan, village_assistant):
    response = logged_in(village_assistant).get("/no-such-page/", HTTP_REFERER="https://evil.example/")
    html = response.content.decode()
    assert "回到工作台" in html
    assert "evil.example" not in html and "返回上一页" not in html


def test_a_visitor_without_a_login_is_offered_the_login_page(heyuan):
    html = Client().get("/no-such-page/").content.decode()
    assert "页面不存在" in html and 'href="/accounts/login/">登录' in html
    assert "退出登录" not in html


def test_a_role_without_the_permission_gets_a_chinese_403_with_a_way_out(heyuan, auditor):
    response = logged_in(auditor).get("/residents/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "没有权限" in html and "安全管理员" in html
    assert 'href="/">回到工作台' in html and "退出登录" in html
    assert "Forbidden" not in html


def test_a_new_account_without_a_role_is_told_to_ask_for_one_after_its_first_password_change(heyuan, make_user):
    make_user("newbie", VILLAGE, password=PASSWORD, must_change=True)
    client = Client()
    client.post("/accounts/login/", {"username": "newbie", "password": PASSWORD})
    response = client.post("/accounts/password/", {"old_password": PASSWORD, "new_password": "Heyuan@2027x",
                                                   "new_password_again": "Heyuan@2027x"}, follow=True)
    html = response.content.decode()
    assert response.status_code == 403
    assert "尚未分配角色" in html and "newbie" in html
    assert "退出登录" in html
    assert 'href="/">进入工作台' in html  # to try again once the role is given
    assert "返回上一页" not in html  # back would be the password page


def test_a_refusal_with_a_reason_shows_the_reason(heyuan, village_assistant, rf):
    from django.core.exceptions import PermissionDenied

    from hrss.core.views import permission_denied

    request = rf.get("/residents/")
    request.user = village_assistant
    response = permission_denied(request, PermissionDenied("该村(社区)不在您的管辖范围内。"))
    assert "该村(社区)不在您的管辖范围内。" in response.content.decode()


def test_the_api_answers_json_in_chinese(heyuan):
    response = Client().get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"detail": "您要找的页面不存在，或不在您的管辖范围内。请检查地址，或从工作台重新进入。"}


@pytest.mark.urls("tests.core.failing_urls")
def test_a_server_error_is_a_chinese_page_with_the_request_id(heyuan, village_assistant):
    client = logged_in(village_assistant)
    client.raise_request_exception = False
    response = client.get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "系统出错" in html and "出错编号" in html and response["X-Request-ID"] in html
    assert 'href="/">回到工作台' in html


def test_a_stale_form_says_the_page_expired(heyuan, village_assistant):
    client = Client(enforce_csrf_checks=True)
    client.force_login(village_assistant)
    response = client.post("/accounts/logout/")
    assert response.status_code == 403
    assert "页面已过期" in response.content.decode()
    assert 'href="/">回到工作台' in response.content.decode()


def test_a_citizen_with_a_stale_public_form_is_not_sent_to_staff_pages(heyuan):
    """The rating page is public: its stale post says what to do, with no 工作台 or login link for a citizen."""
    response = Client(enforce_csrf_checks=True).post("/supervision/rate/", {"code": "ABCD2345", "score": "5"})
    html = response.content.decode()
    assert response.status_code == 403 and "页面已过期" in html
    actions = html.split('data-testid="error-actions">')[1].split("</div>")[0]
    assert "<a" not in actions and "回到工作台" not in html
