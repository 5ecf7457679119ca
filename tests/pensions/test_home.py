"""The area's home page: the links grouped by part under the part's name, and a county's own work (制卡批次, 发放名册,
认证活动) shown to a county's staff, not to a village's assistant."""

import re
from pathlib import Path

from django.test import Client

import hrss

COUNTY_WORK = ["社保卡制卡批次", "养老金发放名册", "认证活动"]


def page(user):
    client = Client()
    client.force_login(user)
    response = client.get("/pensions/")
    assert response.status_code == 200
    return response.content.decode()


def links(html):
    return re.findall(r'<li class="col[^"]*"><a href="[^"]*">([^<]+)</a>', html)


def test_the_links_are_grouped_under_each_parts_name(heyuan, county_officer):
    html = page(county_officer)
    for heading in ["参保登记", "缴费与个人账户", "待遇领取", "领取待遇资格认证", "退休人员社会化管理", "社会保障卡"]:
        assert f'<h2 class="h6 border-bottom pb-1 mb-2">{heading}</h2>' in html
    assert set(COUNTY_WORK) <= set(links(html))


def test_the_village_assistant_sees_no_county_work(heyuan, village_assistant):
    shown = links(page(village_assistant))
    assert "社保卡申领" in shown and "参保台账" in shown
    assert not set(COUNTY_WORK) & set(shown)


def test_the_menu_entries_do_not_break_inside_a_word(heyuan, county_officer):
    html = page(county_officer)
    menu = re.findall(r'<a class="nav-link" href="[^"]*">(社会保险|工作台)</a>', html)
    assert len(menu) == 2
    css = (Path(hrss.__file__).resolve().parent / "static" / "hrss.css").read_text(encoding="utf-8")
    assert ".navbar-nav .nav-link { white-space: nowrap; }" in css
