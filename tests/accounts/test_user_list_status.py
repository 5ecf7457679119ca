"""The account list's status says what waits: an account whose reset waits for approval reads 待核准重置, not 正常."""

import re

from django.test import Client

from hrss.accounts import services


def status_of(html, username):
    row = re.search(rf'<tr><td><a [^>]*>{username}</a>.*?</tr>', html, re.S).group(0)
    return re.sub(r"<[^>]+>", "", re.findall(r"<td>(.*?)</td>", row, re.S)[-1]).strip()


def test_an_account_waiting_for_its_reset_says_so(heyuan, system_admin, security_admin, village_assistant):
    services.request_password_reset(actor=system_admin, user=village_assistant)
    client = Client()
    client.force_login(security_admin)
    html = client.get("/accounts/users/", {"reset": "1"}).content.decode()
    assert status_of(html, "alice") == "待核准重置"
