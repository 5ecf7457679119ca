"""The top menu is core's entries plus each area's (core.areas.MenuEntry): every role sees the same links as when
base.html listed them by hand."""

import re

import pytest
from django.test import Client

from hrss.core.permissions import Role
from tests.conftest import CITY, COUNTY, PROVINCE, TOWNSHIP, VILLAGE

# Issue 11 added 就业服务 (the area's home page) after 就业失业登记, issue 12 就业援助 after it, issue 13 社会保险,
# issue 14 信访监察, issue 15 平台建设.
BUSINESS = ["工作台", "服务网点", "劳动力台账", "统计", "就业失业登记", "就业服务", "就业援助", "社会保险", "信访监察",
            "节假日安排", "平台建设"]

# role: (where the user works, the menu as base.html listed it by hand before the areas declared their entries)
MENUS = {
    Role.VILLAGE_ASSISTANT: (VILLAGE, BUSINESS),
    Role.TOWNSHIP_OFFICER: (TOWNSHIP, BUSINESS),
    Role.TOWNSHIP_REVIEWER: (TOWNSHIP, BUSINESS),
    Role.COUNTY_OFFICER: (COUNTY, BUSINESS),
    Role.COUNTY_APPROVER: (COUNTY, BUSINESS),
    Role.CITY_ADMIN: (CITY, BUSINESS),
    Role.PROVINCE_VIEWER: (PROVINCE, BUSINESS),
    Role.SYSTEM_ADMIN: (CITY, ["工作台", "服务网点", "账号管理", "节假日安排", "职业分类"]),  # 职业分类: issue 11
    Role.SECURITY_ADMIN: (CITY, ["工作台", "服务网点", "账号管理", "节假日安排"]),
    Role.AUDIT_ADMIN: (CITY, ["工作台", "服务网点", "审计日志", "节假日安排"]),
}

URLS = {
    "工作台": "/", "劳动力台账": "/residents/", "统计": "/residents/statistics/", "就业失业登记": "/employment/queue/",
    "就业服务": "/jobservices/", "就业援助": "/assistance/", "社会保险": "/pensions/",
    "信访监察": "/supervision/", "平台建设": "/network/", "账号管理": "/accounts/users/", "职业分类": "/classifications/", "审计日志": "/audit/", "节假日安排": "/calendar/",
}


def menu_of(html):
    menu = html.split('<ul class="navbar-nav me-auto">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a class="nav-link" href="([^"]*)">([^<]*)</a>', menu)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_the_menu_it_saw_before_the_areas_declared_it(make_user, role):
    code, labels = MENUS[role]
    client = Client()
    client.force_login(make_user("someone", code, role))
    response = client.get("/")
    assert response.status_code == 200
    expected = [(URLS.get(label, f"/regions/{code}/"), label) for label in labels]
    assert menu_of(response.content.decode()) == expected
