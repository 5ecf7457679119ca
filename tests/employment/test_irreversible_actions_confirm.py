"""Irreversible buttons ask first (注销登记证, 注销失业登记, 停用账号, 核准重置密码): a data-confirm that the site's own
script (static/hrss.js) shows before the form is sent, so no inline script is needed (the CSP forbids them)."""

import datetime
import re

from django.test import Client

from hrss.accounts import services as account_services
from hrss.employment import certificates
from tests.employment.test_registration_rules import registered  # noqa: F401  (the fixture)


def page(user, url):
    client = Client()
    client.force_login(user)
    return client.get(url).content.decode()


def confirm_of(html, label):
    """The data-confirm of the button whose text is `label` (None when it has none)."""
    button = re.search(rf"<button[^>]*>{re.escape(label)}</button>", html).group(0)
    found = re.search(r'data-confirm="([^"]+)"', button)
    return found.group(1) if found else None


def test_cancelling_a_certificate_asks_first(person_born, county_officer):
    certificate = certificates.issue_certificate(actor=county_officer, person=person_born(datetime.date(1990, 5, 1)))
    html = page(county_officer, f"/employment/certificates/{certificate.pk}/")
    assert "不能撤销" in confirm_of(html, "注销")


def test_cancelling_a_registration_asks_first(registered, county_officer):  # noqa: F811
    registration = registered()
    html = page(county_officer, f"/employment/unemployment/{registration.pk}/")
    assert "不能撤销" in confirm_of(html, "注销")


def test_disabling_an_account_and_approving_a_reset_ask_first(system_admin, security_admin, village_assistant):
    assert "确定停用吗" in confirm_of(page(system_admin, f"/accounts/users/{village_assistant.pk}/"), "停用账号")
    account_services.request_password_reset(actor=system_admin, user=village_assistant)
    html = page(security_admin, f"/accounts/users/{village_assistant.pk}/")
    assert "原密码、登录会话和 API 令牌立即失效" in confirm_of(html, "核准重置密码")
    assert "<script>" not in html  # the confirmation is hrss.js's, not an inline script
