"""Notices (通知): issued by a township, a county or the city to offices below it with a receipt each; only someone
of the receiving office itself marks it read, once; the issuer sees who has read it and reminds the others; the
unread ones are the receiving office's pending work; outsiders get 404."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.models import Level, Region
from hrss.supervision.models import Notice, NoticeReceipt
from hrss.supervision.publicity import services
from hrss.supervision.publicity.services import Audience
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY_VILLAGE, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE


def region(code):
    return Region.objects.get(code=code)


def issue(actor, code=TOWNSHIP, **changes):
    values = {"title": "关于开展根治欠薪检查的通知", "body": "请走访辖区工地。", "audience": Audience.VILLAGES,
              "read_by": TODAY + datetime.timedelta(days=7), **changes}
    return services.issue_notice(actor=actor, region=region(code), **values)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def api(user, method, path, body=None):
    headers = {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}
    if method == "get":
        return Client().get("/api/v1/supervision" + path, body or {}, headers=headers)
    return Client().post("/api/v1/supervision" + path, body or {}, content_type="application/json", headers=headers)


def test_a_township_notice_reaches_each_of_its_villages(heyuan, township_officer):
    notice = issue(township_officer)
    villages = set(Region.objects.filter(parent__code=TOWNSHIP, is_active=True).values_list("code", flat=True))
    assert set(notice.receipts.values_list("region_code", flat=True)) == villages and VILLAGE in villages
    assert notice.issued_on == TODAY and not notice.receipts.filter(read_on__isnull=False).exists()


def test_a_county_notice_to_its_townships_or_to_chosen_offices(heyuan, county_officer):
    townships = issue(county_officer, COUNTY, audience=Audience.TOWNSHIPS)
    codes = set(townships.receipts.values_list("region_code", flat=True))
    assert TOWNSHIP in codes and all(region(code).level == Level.TOWNSHIP for code in codes)
    chosen = issue(county_officer, COUNTY, audience=Audience.CHOSEN, offices=[region(VILLAGE), region(TOWNSHIP)])
    assert sorted(chosen.receipts.values_list("region_code", flat=True)) == [TOWNSHIP, VILLAGE]


def test_notice_refusals_say_what_to_fix(heyuan, village_assistant, township_officer, city_admin):
    with pytest.raises(ValidationError, match="村\\(社区\\)不能发通知"):
        issue(village_assistant, VILLAGE)
    with pytest.raises(ValidationError) as refused:
        issue(township_officer, title="", body="", read_by=TODAY - datetime.timedelta(days=1),
              audience=Audience.TOWNSHIPS)
    text = " ".join(refused.value.messages)
    for reason in ("请填写标题", "请填写正文", "阅读期限不能早于今天", "乡镇(街道)的通知发给所辖村(社区)"):
        assert reason in text, reason
    with pytest.raises(ValidationError, match="请选择接收通知的单位"):
        issue(township_officer, audience=Audience.CHOSEN, offices=[])
    with pytest.raises(ValidationError, match="不是上城街道的下级单位"):
        issue(city_admin, TOWNSHIP, audience=Audience.CHOSEN, offices=[region(NEIGHBOUR_COUNTY_VILLAGE)])
    assert not Notice.objects.exists()


def test_only_the_receiving_office_marks_it_read_and_only_once(heyuan, township_officer, village_assistant,
                                                                neighbour_village_assistant):
    notice = issue(township_officer)
    mine = notice.receipts.get(region_code=VILLAGE)
    with pytest.raises(PermissionDenied, match="只有接收通知的单位本身"):
        services.mark_read(actor=township_officer, receipt=mine)
    with pytest.raises(PermissionDenied):
        services.mark_read(actor=neighbour_village_assistant, receipt=mine)
    services.mark_read(actor=village_assistant, receipt=mine)
    mine.refresh_from_db()
    assert mine.read_on == TODAY and mine.read_by == village_assistant
    with pytest.raises(ValidationError, match="已于.*标记已阅"):
        services.mark_read(actor=village_assistant, receipt=mine)


def test_the_issuer_sees_the_counts_and_reminds_the_unread(heyuan, township_officer, village_assistant):
    notice = issue(township_officer)
    receivers = notice.receipts.count()
    services.mark_read(actor=village_assistant, receipt=notice.receipts.get(region_code=VILLAGE))
    page = logged_in(township_officer).get(f"/supervision/publicity/notices/{notice.pk}/").content.decode()
    assert f"已阅 1，未阅 {receivers - 1}" in page and "向未阅单位催阅" in page
    assert services.remind(actor=township_officer, notice=notice) == receivers - 1
    assert set(notice.receipts.filter(reminders=1).values_list("region_code", flat=True)) == set(
        notice.receipts.exclude(region_code=VILLAGE).values_list("region_code", flat=True))
    with pytest.raises(ValidationError, match="今天已催阅过"):
        services.remind(actor=township_officer, notice=notice)
    later = services.remind(actor=township_officer, notice=notice, today=TODAY + datetime.timedelta(days=1))
    assert later == receivers - 1 and notice.receipts.filter(reminders=2).count() == receivers - 1


def test_nothing_to_remind_when_all_have_read(heyuan, county_officer, village_assistant):
    notice = issue(county_officer, COUNTY, audience=Audience.CHOSEN, offices=[region(VILLAGE)])
    services.mark_read(actor=village_assistant, receipt=notice.receipts.get())
    with pytest.raises(ValidationError, match="无需催阅"):
        services.remind(actor=county_officer, notice=notice)


def test_the_village_reads_its_notice_on_the_page_and_its_pending_work_clears(heyuan, township_officer,
                                                                               village_assistant):
    notice = issue(township_officer)
    receipt = notice.receipts.get(region_code=VILLAGE)
    client = logged_in(village_assistant)
    assert "未阅的通知" in client.get("/").content.decode()
    listed = client.get("/supervision/publicity/notices/").content.decode()
    assert "关于开展根治欠薪检查的通知" in listed and "未阅" in listed
    page = client.get(f"/supervision/publicity/receipts/{receipt.pk}/").content.decode()
    assert "请走访辖区工地。" in page and "已阅</button>" in page
    assert client.post(f"/supervision/publicity/receipts/{receipt.pk}/read/").status_code == 302
    receipt.refresh_from_db()
    assert receipt.read_by == village_assistant
    assert "未阅的通知" not in client.get("/").content.decode()
    township = logged_in(township_officer)
    assert "已阅</button>" not in township.get(f"/supervision/publicity/receipts/{receipt.pk}/").content.decode()


def test_issuing_on_the_page(heyuan, township_officer):
    client = logged_in(township_officer)
    form = client.get("/supervision/publicity/notices/new/").content.decode()
    assert "下城社区" in form and "发送范围" in form
    # The offices to choose are a list of checkboxes, one under another, each beside its own label.
    choices = form.split('data-testid="choices-offices"')[1].split("</div></div>")[0] + "</div>"
    assert choices.count('<div class="form-check"><input type="checkbox" name="offices"') >= 2
    assert f'value="{VILLAGE}"' in choices and 'class="form-check-label small"' in choices
    response = client.post("/supervision/publicity/notices/new/", {
        "region": TOWNSHIP, "title": "社保卡激活通知", "body": "请通知居民。", "audience": "chosen",
        "offices": [VILLAGE]})
    notice = Notice.objects.get()
    assert response.status_code == 302 and list(notice.receipts.values_list("region_code", flat=True)) == [VILLAGE]
    refused = client.post("/supervision/publicity/notices/new/", {"region": TOWNSHIP, "title": "x", "body": "x",
                                                                  "audience": "chosen"})
    assert refused.status_code == 200 and "请选择接收通知的单位" in refused.content.decode()


def test_outsiders_get_404(heyuan, township_officer, neighbour_village_assistant, neighbour_county_officer):
    notice = issue(township_officer, audience=Audience.CHOSEN, offices=[region(VILLAGE)])
    receipt = notice.receipts.get()
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        client = logged_in(outsider)
        assert client.get(f"/supervision/publicity/notices/{notice.pk}/").status_code == 404
        assert client.get(f"/supervision/publicity/receipts/{receipt.pk}/").status_code == 404
        assert client.post(f"/supervision/publicity/receipts/{receipt.pk}/read/").status_code == 404
        assert api(outsider, "get", f"/notices/{notice.pk}").status_code == 404
        assert api(outsider, "post", f"/notice-receipts/{receipt.pk}/read").status_code == 404
        assert api(outsider, "get", "/notice-receipts").json() == []
    receipt.refresh_from_db()
    assert receipt.read_on is None
    assert not NoticeReceipt.objects.filter(region_code=NEIGHBOUR_VILLAGE).exists()


def test_the_api_issues_lists_reads_and_reminds(heyuan, township_officer, village_assistant):
    made = api(township_officer, "post", "/notices", {"region_code": TOWNSHIP, "title": "通知", "body": "正文",
                                                      "audience": "chosen", "office_codes": [VILLAGE]})
    assert made.status_code == 201 and [r["region_code"] for r in made.json()["receipts"]] == [VILLAGE]
    notice_id = made.json()["id"]
    received = api(village_assistant, "get", "/notice-receipts").json()
    assert [(row["notice_id"], row["title"], row["read_on"]) for row in received] == [(notice_id, "通知", None)]
    seen = api(village_assistant, "get", f"/notices/{notice_id}").json()
    assert seen["title"] == "通知" and [r["region_code"] for r in seen["receipts"]] == [VILLAGE]
    assert api(township_officer, "post", f"/notice-receipts/{received[0]['id']}/read").status_code == 403
    assert api(township_officer, "post", f"/notices/{notice_id}/remind").json() == {"reminded": 1}
    read = api(village_assistant, "post", f"/notice-receipts/{received[0]['id']}/read")
    assert read.status_code == 200 and read.json()["read_on"] == str(TODAY)
    assert api(village_assistant, "post", f"/notice-receipts/{received[0]['id']}/read").status_code == 422
    assert api(township_officer, "get", "/notices").json()[0]["receipts"][0]["read_by_id"] == village_assistant.pk


def test_every_page_opens_at_each_level(heyuan, village_assistant, township_officer, county_officer, city_admin,
                                        province_viewer):
    notice = issue(township_officer)
    receipt = notice.receipts.get(region_code=VILLAGE)
    for user in (village_assistant, township_officer, county_officer, city_admin, province_viewer):
        client = logged_in(user)
        paths = ["/supervision/publicity/events/", "/supervision/publicity/events/export.xlsx",
                 "/supervision/publicity/notices/", f"/supervision/publicity/receipts/{receipt.pk}/"]
        if user != village_assistant:
            paths.append(f"/supervision/publicity/notices/{notice.pk}/")
        for path in paths:
            assert client.get(path).status_code == 200, (user.username, path)
    assert logged_in(village_assistant).get(f"/supervision/publicity/notices/{notice.pk}/").status_code == 404
    assert logged_in(county_officer).get("/supervision/publicity/notices/new/").status_code == 200


def test_the_reading_day_boundary_and_overdue_figures(heyuan, township_officer, village_assistant):
    with pytest.raises(ValidationError, match="阅读期限不能早于今天"):
        issue(township_officer, read_by=TODAY - datetime.timedelta(days=1))
    due_today = issue(township_officer, read_by=TODAY)
    assert due_today.read_by == TODAY
    from hrss.supervision.publicity import figures

    village = region(VILLAGE)
    assert figures.unread_notices(township_officer, village, TODAY) == 1
    assert figures.overdue_notices(township_officer, village, TODAY) == 0  # due today: not yet late
    assert figures.overdue_notices(township_officer, village, TODAY + datetime.timedelta(days=1)) == 1
    services.mark_read(actor=village_assistant, receipt=due_today.receipts.get(region_code=VILLAGE))
    assert figures.unread_notices(township_officer, village, TODAY) == 0


def test_ticked_offices_with_a_range_of_all_are_asked_about_not_sent_to_all(heyuan, township_officer):
    """The user trial ticked two villages and left 发送范围 at 所辖全部村(社区): the notice went to all six. Now the
    form is shown again saying what to change, and nothing is sent."""
    response = logged_in(township_officer).post("/supervision/publicity/notices/new/", {
        "region": TOWNSHIP, "title": "社保卡激活通知", "body": "请通知居民。", "audience": "villages",
        "offices": [VILLAGE]})
    assert response.status_code == 200
    assert "您勾选了1个接收单位，但发送范围是“所辖全部村(社区)”" in response.content.decode()
    assert not Notice.objects.exists()
