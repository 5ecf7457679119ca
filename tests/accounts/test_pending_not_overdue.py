"""The security administrator's 待办事项: a password reset asked for a minute ago and a locked account are waiting,
not 逾期 (overdue); the item says how long a request stays valid."""

import re

from django.test import Client

from hrss.accounts import services
from tests.accounts.test_login import attempt
from tests.conftest import PASSWORD


def pending(user):
    client = Client()
    client.force_login(user)
    html = client.get("/").content.decode()
    block = html[html.index('data-testid="pending"'):]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block[:block.index("</div>")]))


def test_a_fresh_reset_request_and_a_locked_account_are_not_overdue(heyuan, system_admin, security_admin,
                                                                    village_assistant, township_officer):
    services.request_password_reset(actor=system_admin, user=village_assistant)
    for _ in range(5):
        attempt(Client(), township_officer.username, "wrong")
    assert attempt(Client(), township_officer.username, PASSWORD).status_code == 429
    text = pending(security_admin)
    assert "待核准的密码重置（申请后24小时内有效） 1" in text
    assert "被锁定待核实的账号 1" in text
    assert "逾期" not in text
