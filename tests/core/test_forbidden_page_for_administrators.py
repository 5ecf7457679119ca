"""The 403 page tells the three administrators (三员) the right thing: they cannot be given a business role, so
"联系本级安全管理员分配相应角色" would send them nowhere."""

import pytest
from django.test import Client


@pytest.mark.parametrize(("role", "url"), [
    ("system_admin", "/residents/"), ("security_admin", "/employment/ledgers/"), ("auditor", "/residents/"),
])
def test_an_administrator_is_not_told_to_ask_for_a_role(request, role, url):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    response = client.get(url)
    assert response.status_code == 403
    page = response.content.decode()
    assert "分配相应角色" not in page and "不属于您的管理员角色" in page


def test_a_business_user_is_still_told_to_ask_for_a_role(village_assistant):
    client = Client()
    client.force_login(village_assistant)
    page = client.get("/audit/").content.decode()
    assert "请联系本级安全管理员分配相应角色" in page
