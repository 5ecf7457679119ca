"""What the trial asked for on notices: the issuer is warned, on the form and after sending, which chosen offices
have no active staff account to read the notice; a township issuer is not offered "所辖全部乡镇(街道)"; the ledgers
show the title and the state first."""

import re

from django.test import Client

from hrss.core.models import Region
from hrss.supervision.models import Notice
from tests.conftest import NEIGHBOUR_VILLAGE, TOWNSHIP, VILLAGE


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_form_names_the_villages_nobody_can_read_for(heyuan, township_officer, village_assistant):
    page = logged_in(township_officer).get("/supervision/publicity/notices/new/").content.decode()
    warning = page.split('data-testid="notice-unstaffed"', 1)[1].split("</div>", 1)[0]
    assert "公园社区" in warning and "下城社区" not in warning  # 下城社区 has its assistant
    assert "公园社区（暂无账号，无人阅读）" in page and "下城社区（暂无账号" not in page


def test_after_sending_the_issuer_is_told_which_offices_have_no_account(heyuan, township_officer, village_assistant):
    client = logged_in(township_officer)
    done = client.post("/supervision/publicity/notices/new/", {
        "region": TOWNSHIP, "title": "社保卡激活通知", "body": "请通知居民。", "audience": "chosen",
        "offices": [VILLAGE, NEIGHBOUR_VILLAGE]}, follow=True)
    page = done.content.decode()
    notice = Notice.objects.get()
    assert done.redirect_chain[-1][0] == f"/supervision/publicity/notices/{notice.pk}/"
    assert "以下1个接收单位暂无在用的工作人员账号" in page and "公园社区" in page
    assert page.count('data-testid="receipt-unstaffed"') == 1


def test_no_warning_when_every_chosen_office_has_an_account(heyuan, township_officer, village_assistant):
    done = logged_in(township_officer).post("/supervision/publicity/notices/new/", {
        "region": TOWNSHIP, "title": "社保卡激活通知", "body": "请通知居民。", "audience": "chosen",
        "offices": [VILLAGE]}, follow=True)
    assert "暂无在用的工作人员账号" not in done.content.decode()


def test_an_inactive_account_does_not_count(heyuan, township_officer, village_assistant):
    village_assistant.is_active = False
    village_assistant.save(update_fields=["is_active"])
    page = logged_in(township_officer).get("/supervision/publicity/notices/new/").content.decode()
    assert "下城社区（暂无账号，无人阅读）" in page


def test_a_township_is_not_offered_all_townships_a_county_is(heyuan, township_officer, county_officer):
    township_form = logged_in(township_officer).get("/supervision/publicity/notices/new/").content.decode()
    assert "所辖全部村(社区)" in township_form and "所辖全部乡镇(街道)" not in township_form
    county_form = logged_in(county_officer).get("/supervision/publicity/notices/new/").content.decode()
    assert "所辖全部乡镇(街道)" in county_form


def test_the_notice_ledger_shows_the_title_and_state_first(heyuan, township_officer, village_assistant):
    from hrss.supervision.publicity import services
    from hrss.supervision.publicity.services import Audience

    services.issue_notice(actor=township_officer, region=Region.objects.get(code=TOWNSHIP),
                          title="关于开展根治欠薪专项检查的通知", body="请走访辖区工地。", audience=Audience.VILLAGES)
    page = logged_in(village_assistant).get("/supervision/publicity/notices/").content.decode()
    head = page.split('data-testid="notices-received"', 1)[1].split("</thead>", 1)[0]
    assert head.index("标题") < head.index("状态") < head.index("阅读期限") < head.index("发文日期")
    assert re.search(r'title="关于开展根治欠薪专项检查的通知">关于开展根治欠薪专项检查的通知</a>', page)
