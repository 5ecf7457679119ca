"""Publicity events (宣传活动): recorded by any office of their scope, each refusal saying what to fix; the
宣传活动台账 with its filters, its month/year figures and its .xlsx; the API; outsiders get 404."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.models import Region
from hrss.supervision.models import PublicityEvent
from hrss.supervision.publicity import selectors, services
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE


def event(actor, code=VILLAGE, **changes):
    values = {"topic": "pension", "topic_detail": "缴费档次", "place": "社区广场", "held_on": TODAY,
              "people_reached": 50, "materials_count": 80, "materials_description": "政策问答折页",
              "organiser": "社区工作站", **changes}
    return services.record_event(actor=actor, region=Region.objects.get(code=code), **values)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def api(user, method, path, body=None):
    headers = {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}
    if method == "get":
        return Client().get("/api/v1/supervision" + path, body or {}, headers=headers)
    return Client().post("/api/v1/supervision" + path, body or {}, content_type="application/json", headers=headers)


def test_an_office_records_an_event(heyuan, village_assistant, county_officer):
    made = event(village_assistant)
    assert made.region_code == VILLAGE and made.people_reached == 50 and made.created_by == village_assistant
    assert event(county_officer, COUNTY, topic="inspection", topic_detail="").region_code == COUNTY


def test_event_refusals_say_what_to_fix(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        event(village_assistant, topic="other", topic_detail="", place="", people_reached=-1,
              held_on=TODAY + datetime.timedelta(days=1), organiser="")
    text = " ".join(refused.value.messages)
    for reason in ("选“其他”时", "请填写活动地点", "受众人数应为0至", "晚于今天", "请填写组织者"):
        assert reason in text, reason
    with pytest.raises(ValidationError, match="请写明资料说明"):
        event(village_assistant, materials_count=10, materials_description="")
    with pytest.raises(ValidationError, match="请选择宣传主题"):
        event(village_assistant, topic="sports")
    assert not PublicityEvent.objects.exists()


def test_outsiders_cannot_record_for_the_village(heyuan, neighbour_village_assistant, neighbour_county_officer):
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        with pytest.raises(PermissionDenied):
            event(outsider)
    assert not PublicityEvent.objects.exists()


def test_month_and_year_figures(heyuan, village_assistant, township_officer):
    first = TODAY.replace(day=1)
    event(village_assistant, held_on=first, people_reached=30, materials_count=0, materials_description="")
    event(village_assistant, held_on=TODAY, people_reached=20, materials_count=5)
    event(township_officer, TOWNSHIP, held_on=first, people_reached=100, materials_count=0)
    event(village_assistant, held_on=first.replace(year=TODAY.year - 1), people_reached=999)
    months, year = selectors.by_month(township_officer, Region.objects.get(code=TOWNSHIP), TODAY.year)
    assert year == (3, 150, 5)
    assert months[TODAY.month - 1] == (TODAY.month, 3, 150, 5)
    assert sum(n for _month, n, _people, _materials in months) == 3
    village_months, village_year = selectors.by_month(village_assistant, Region.objects.get(code=VILLAGE),
                                                       TODAY.year)
    assert village_year == (2, 50, 5)


def test_the_ledger_filters_shows_the_months_and_exports(heyuan, village_assistant):
    event(village_assistant, topic="card", topic_detail="社保卡激活", place="村委会")
    event(village_assistant, topic="employment", topic_detail="春风行动", place="集市")
    client = logged_in(village_assistant)
    page = client.get("/supervision/publicity/events/").content.decode()
    assert "社保卡激活" in page and "春风行动" in page and 'data-testid="publicity-months"' in page
    only = client.get("/supervision/publicity/events/", {"topic": "card"}).content.decode()
    assert "社保卡激活" in only and "春风行动" not in only
    words = client.get("/supervision/publicity/events/", {"q": "集市"}).content.decode()
    assert "春风行动" in words and "社保卡激活" not in words
    other_month = TODAY.month % 12 + 1
    none = client.get("/supervision/publicity/events/", {"year": TODAY.year, "month": other_month}).content.decode()
    assert "没有符合条件的宣传活动" in none
    export = client.get("/supervision/publicity/events/export.xlsx", {"region": VILLAGE, "topic": "card"})
    rows = list(openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][0].startswith("宣传活动台账（下城社区") and rows[1][2] == "宣传主题"
    assert [row[3] for row in rows[2:]] == ["社保卡激活"] and rows[2][2] == "社会保障卡"
    assert hasattr(rows[2][1], "year")  # 活动日期 a date Excel sorts and filters, not text


def test_recording_on_the_page_refuses_with_the_reason(heyuan, village_assistant):
    client = logged_in(village_assistant)
    base = {"region": VILLAGE, "topic": "other", "topic_detail": "", "place": "广场", "held_on": str(TODAY),
            "people_reached": "10", "materials_count": "0", "organiser": "社区"}
    refused = client.post("/supervision/publicity/events/new/", base)
    assert refused.status_code == 200 and "选“其他”时" in refused.content.decode()
    done = client.post("/supervision/publicity/events/new/", {**base, "topic_detail": "工伤保险"})
    assert done.status_code == 302 and PublicityEvent.objects.get().topic_detail == "工伤保险"


def test_the_api_and_scope(heyuan, village_assistant, neighbour_village_assistant, neighbour_county_officer):
    made = api(village_assistant, "post", "/publicity-events", {
        "region_code": VILLAGE, "topic": "training", "place": "文化室", "held_on": str(TODAY),
        "people_reached": 12, "organiser": "社区"})
    assert made.status_code == 201
    event_id = made.json()["id"]
    assert [row["id"] for row in api(village_assistant, "get", "/publicity-events").json()] == [event_id]
    assert api(village_assistant, "post", "/publicity-events", {
        "region_code": VILLAGE, "topic": "training", "place": "x", "held_on": str(TODAY), "people_reached": -1,
        "organiser": "x"}).status_code == 422
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        assert api(outsider, "get", f"/publicity-events/{event_id}").status_code == 404
        assert api(outsider, "get", "/publicity-events").json() == []
        assert logged_in(outsider).get("/supervision/publicity/events/", {"region": VILLAGE}).status_code == 404


def test_the_boundaries_of_an_event(heyuan, village_assistant):
    assert event(village_assistant, held_on=TODAY, people_reached=0, materials_count=0).people_reached == 0
    with pytest.raises(ValidationError, match="晚于今天"):
        event(village_assistant, held_on=TODAY + datetime.timedelta(days=1))
    assert event(village_assistant, people_reached=services.MAX_PEOPLE).people_reached == services.MAX_PEOPLE
    with pytest.raises(ValidationError, match="受众人数应为0至1000000"):
        event(village_assistant, people_reached=services.MAX_PEOPLE + 1)


def test_the_statistics_page_counts_events_and_people_per_region(heyuan, village_assistant, township_officer):
    event(village_assistant, people_reached=40)
    event(township_officer, TOWNSHIP, people_reached=100, materials_count=0)
    page = logged_in(township_officer).get("/supervision/statistics/", {"region": TOWNSHIP}).content.decode()
    assert "本年宣传活动" in page and "本年宣传受众人次" in page and "140" in page
