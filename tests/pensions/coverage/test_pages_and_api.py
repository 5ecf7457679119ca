"""The employees' scheme pages (list, record, end, import) and the part's API: what a user of the village does and
sees, and 404 for the neighbours."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hrss.accounts import services as account_services
from hrss.pensions.models import EmployeeSchemeRecord
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE, login
from tests.pensions.coverage.conftest import employee_record

YESTERDAY = TODAY - datetime.timedelta(days=1)


def api(client, user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return client.get(path, body or {}, headers=headers)
    return client.post(path, body or {}, content_type="application/json", headers=headers)


def test_record_and_end_on_the_pages(ledger, village_assistant, client):
    login(client, village_assistant)
    person = ledger["uninsured"]
    url = reverse("pensions:coverage-employee-scheme-new", args=[person.pk])
    assert "登记职工养老保险参保信息" in client.get(url).content.decode()
    refused = client.post(url, {"employer_name": "某公司", "since": (TODAY + datetime.timedelta(days=1)).isoformat(),
                                "source": "本人提供"})
    assert "晚于今天" in refused.content.decode()
    response = client.post(url, {"employer_name": "某公司", "since": "2021-04-01", "source": "本人提供"})
    made = EmployeeSchemeRecord.objects.get(person=person)
    assert response.status_code == 302 and response.url == reverse("pensions:coverage-employee-scheme-detail",
                                                                     args=[made.pk])
    detail = client.get(response.url).content.decode()
    assert "在保" in detail and "登记终止" in detail
    client.post(reverse("pensions:coverage-employee-scheme-end", args=[made.pk]), {"until": YESTERDAY.isoformat()})
    made.refresh_from_db()
    assert made.until == YESTERDAY
    listing = client.get(reverse("pensions:coverage-employee-schemes"), {"state": "ended"}).content.decode()
    assert person.name in listing and "周停保" in listing and "王职工" not in listing


def test_import_page_reports_the_unmatched_rows(ledger, village_assistant, client):
    login(client, village_assistant)
    body = ("公民身份号码,姓名,参保单位,参保起始日期,终止日期\n"
            f"{ledger['uninsured'].id_number},刘未保,某公司,2022-01-01,\n"
            f"{ledger['enrolled'].id_number},别人,某公司,2022-01-01,\n").encode()
    response = client.post(reverse("pensions:coverage-employee-scheme-import"),
                           {"file": SimpleUploadedFile("名单.csv", body), "source": "市税务局名单",
                            "region": VILLAGE})
    page = response.content.decode()
    assert "新登记 1 人" in page and "姓名“别人”与台账" in page
    errors = client.get(reverse("pensions:coverage-employee-scheme-import-errors"))
    assert errors.status_code == 200
    assert client.get(reverse("pensions:coverage-employee-scheme-template")).status_code == 200


def test_object_pages_are_404_for_neighbours(ledger, village_assistant, neighbour_village_assistant, client):
    made = employee_record(ledger["uninsured"], village_assistant)
    login(client, neighbour_village_assistant)
    assert client.get(reverse("pensions:coverage-employee-scheme-detail", args=[made.pk])).status_code == 404
    assert client.post(reverse("pensions:coverage-employee-scheme-end", args=[made.pk]),
                       {"until": YESTERDAY.isoformat()}).status_code == 404
    assert client.get(reverse("pensions:coverage-employee-scheme-new",
                              args=[ledger["uninsured"].pk])).status_code == 404
    made.refresh_from_db()
    assert made.until is None


def test_api_coverage_per_child_region(ledger, county_officer, client):
    rows = api(client, county_officer, "get", "/api/v1/pensions/coverage", {"region": TOWNSHIP}).json()
    by_code = {row["region_code"]: row for row in rows}
    assert set(by_code) == {VILLAGE, NEIGHBOUR_VILLAGE}  # the township's villages with residents in scope
    village = by_code[VILLAGE]
    assert (village["in_scope"], village["insured"], village["uninsured"], village["pension"]) == (7, 5, 2, 2)
    assert village["share"] == 0.7143 and village["own"] is False
    one = api(client, county_officer, "get", "/api/v1/pensions/coverage", {"region": VILLAGE}).json()
    assert one == [{**village, "own": True}]


def test_api_uninsured_is_paged_and_masked(ledger, village_assistant, client):
    rows = api(client, village_assistant, "get", "/api/v1/pensions/coverage/uninsured", {"limit": 1}).json()
    assert len(rows) == 1 and rows[0]["id_number"].count("*") == 8
    everyone = api(client, village_assistant, "get", "/api/v1/pensions/coverage/uninsured").json()
    assert {row["name"] for row in everyone} == {"刘未保", "周停保"}


def test_api_records_and_ends_an_employees_scheme(ledger, village_assistant, neighbour_village_assistant, client):
    person = ledger["uninsured"]
    body = {"person_id": person.pk, "since": "2021-04-01", "employer_name": "某公司", "source": "本人提供"}
    assert api(client, neighbour_village_assistant, "post", "/api/v1/pensions/employee-scheme-records",
               body).status_code == 404
    created = api(client, village_assistant, "post", "/api/v1/pensions/employee-scheme-records", body)
    assert created.status_code == 201
    again = api(client, village_assistant, "post", "/api/v1/pensions/employee-scheme-records", body)
    assert again.status_code in (400, 422) and "期间重叠" in again.json()["detail"]
    ended = api(client, village_assistant, "post",
                f"/api/v1/pensions/employee-scheme-records/{created.json()['id']}/end", {"until": YESTERDAY.isoformat()})
    assert ended.status_code == 200 and ended.json()["until"] == YESTERDAY.isoformat()


def test_the_person_page_shows_the_coverage(ledger, village_assistant, client):
    login(client, village_assistant)
    page = client.get(reverse("residents:person-detail", args=[ledger["employee"].pk])).content.decode()
    assert "社会保险覆盖" in page and "已参保：职工养老保险" in page and "河源市某公司" in page
    page = client.get(reverse("residents:person-detail", args=[ledger["student"].pk])).content.decode()
    assert "不在统计范围（在校学生）" in page


def test_the_targets_page_shows_kpi5_per_child_region(ledger, township_officer, client):
    page = login(client, township_officer).get(reverse("pensions:coverage-targets")).content.decode()
    assert "下城社区" in page and "5 / 7" in page and "71.4%" in page


def test_pending_work_counts_the_villages_uninsured(ledger, village_assistant, county_officer):
    from hrss.pensions.coverage import pending

    items = pending.uninsured(village_assistant)
    assert items[0].count == 2
    assert pending.uninsured(county_officer) == []


def test_the_targets_page_shows_kpi2_from_the_enrolment_part(ledger, township_officer, village_assistant, client):
    from decimal import Decimal

    from hrss.pensions.models import Enrolment

    Enrolment.objects.create(person=ledger["uninsured"], region_code=VILLAGE, scheme="crps", tier=Decimal("200"),
                             state="active", received_on=TODAY, documents_complete_on=TODAY, enrolled_on=TODAY,
                             created_by=village_assistant)
    page = login(client, township_officer).get(reverse("pensions:coverage-targets")).content.decode()
    assert "1 / 1" in page and "100.0%" in page
    assert "6 / 7" in page  # the enrolled person now counts for KPI 5 too
