"""The promises part's API: the catalogue (the same for everyone), the 一次性告知 ledger and giving a slip, the
promise figures of a region's month and the overdue cases, each within the caller's scope."""

import datetime

from django.test import Client

from hrss.accounts import services as account_services
from hrss.core import catalogue
from hrss.core.id_numbers import mask
from hrss.supervision.models import NoticeSlip
from tests.conftest import TODAY, VILLAGE
from tests.residents.factories import MAN_1980
from tests.supervision.promises.conftest import past_2025

D = datetime.date
CODE = "employment/unemployment_registration"


def call(user, method, path, body=None):
    headers = {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}
    if method == "get":
        return Client().get("/api/v1" + path, body or {}, headers=headers)
    return Client().post("/api/v1" + path, body, content_type="application/json", headers=headers)


def test_the_catalogue_lists_every_service_with_todays_rules(heyuan, neighbour_county_officer):
    answer = call(neighbour_county_officer, "get", "/supervision/services").json()
    assert answer["on"] == TODAY.isoformat()
    listed = {row["code"]: row for row in answer["items"]}
    assert set(listed) == {service.code for service in catalogue.services()}
    unemployment = listed[CODE]
    assert unemployment["promise"] == "10个工作日" and unemployment["fee"] == "免费"
    assert unemployment["case_type"] == "employment.unemployment_registration" and unemployment["documents"][0]["name"] == "居民身份证或社会保障卡"
    assert listed["supervision/petition"]["working_days"] is False


def test_a_slip_is_given_listed_and_refused_without_a_missing_item(heyuan, village_assistant,
                                                                   neighbour_village_assistant):
    first = catalogue.service(CODE).documents_on(TODAY)[1].name
    refused = call(village_assistant, "post", "/supervision/notice-slips",
                   {"region_code": VILLAGE, "service_code": CODE, "citizen_name": "张三"})
    assert refused.status_code == 422 and "请勾选办事人缺少的材料" in refused.json()["detail"]
    unknown = call(village_assistant, "post", "/supervision/notice-slips",
                   {"region_code": VILLAGE, "service_code": "nothing.here", "citizen_name": "张三", "other": "x"})
    assert unknown.status_code == 422 and "服务事项" in unknown.json()["detail"]
    made = call(village_assistant, "post", "/supervision/notice-slips",
                {"region_code": VILLAGE, "service_code": CODE, "citizen_name": "张三", "missing": [first],
                 "id_number": MAN_1980})
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["missing"] == [first] and body["id_number_masked"] == mask(MAN_1980) != MAN_1980
    assert body["number"] == NoticeSlip.objects.get().number
    assert [row["citizen_name"] for row in call(village_assistant, "get", "/supervision/notice-slips").json()] == [
        "张三"]
    assert call(neighbour_village_assistant, "get", "/supervision/notice-slips").json() == []
    assert call(neighbour_village_assistant, "get", "/supervision/notice-slips", {"region": VILLAGE}).status_code == 404


def test_promise_figures_of_a_month_and_the_overdue_cases(unemployment_case, county_officer, neighbour_county_officer,
                                                          clock, settings):
    unemployment_case(D(2025, 3, 3), D(2025, 3, 14), name="甲")
    unemployment_case(D(2025, 3, 3), D(2025, 3, 20), name="乙")
    unemployment_case(TODAY - datetime.timedelta(days=30), name="丙")
    past_2025(clock, settings)  # after the cases: making one puts the clock back
    [row] = call(county_officer, "get", "/supervision/promise-figures", {"month": "2025-03"}).json()
    assert (row["service_code"], row["closed"], row["within_promise"], row["over_promise"]) == (CODE, 2, 1, 1)
    assert (row["median_days"], row["longest_days"]) == (11, 13)
    assert call(county_officer, "get", "/supervision/promise-figures", {"month": "2025-13"}).status_code == 422
    assert call(neighbour_county_officer, "get", "/supervision/promise-figures",
                {"month": "2025-03", "region": VILLAGE}).status_code == 404
    [late] = call(county_officer, "get", "/supervision/overdue-cases").json()
    assert late["title"] == "丙 失业登记" and late["overdue"] and late["held_by"] == "乡镇(街道)审核员"
    assert call(neighbour_county_officer, "get", "/supervision/overdue-cases").json() == []
