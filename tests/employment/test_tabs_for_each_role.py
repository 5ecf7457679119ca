"""The 就业失业登记 tabs show only what the user may open: no tab leads to 403."""

import re

import pytest
from django.test import Client

ROLES = ["village_assistant", "township_officer", "county_officer", "city_admin", "province_viewer"]


def tabs(client):
    html = client.get("/employment/ledgers/").content.decode()
    nav = re.search(r'<ul class="nav nav-tabs.*?</ul>', html, re.S).group(0)
    return re.findall(r'href="([^"]+)">([^<]+)</a>', nav)


@pytest.mark.parametrize("role", ROLES)
def test_every_tab_a_user_sees_opens(request, role):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    found = tabs(client)
    assert found, "the ledgers page has its tabs"
    assert [(label, client.get(url).status_code) for url, label in found] == [(label, 200) for _, label in found]


def test_the_read_only_province_viewer_sees_the_ledgers_and_certificates_only(province_viewer):
    client = Client()
    client.force_login(province_viewer)
    assert [label for _, label in tabs(client)] == ["台账与月报", "登记证发放台账"]


def test_a_village_assistant_sees_the_work_tabs(village_assistant):
    client = Client()
    client.force_login(village_assistant)
    assert [label for _, label in tabs(client)] == ["待我办理", "建议注销", "单位招用登记", "台账与月报", "登记证发放台账"]
