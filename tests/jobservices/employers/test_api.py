"""The API of employers and vacancies, as a client program uses it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.models import AuditEntry
from hrss.jobservices.codes import complete_uscc
from hrss.jobservices.models import Employer, Vacancy
from tests.conftest import TODAY, VILLAGE

pytestmark = pytest.mark.django_db


def api(user):
    return Client(headers={"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"})


def test_registering_an_employer_answers_its_warnings(heyuan, township_officer):
    response = api(township_officer).post("/api/v1/employers", {
        "name": "外地公司河源分部", "uscc": complete_uscc("91440300MA4UX0110"), "region_code": VILLAGE},
        content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["region_code"] == VILLAGE and len(body["warnings"]) == 1 and "不在河源市" in body["warnings"][0]


def test_an_invalid_code_answers_422_with_the_position(heyuan, township_officer):
    uscc = complete_uscc("91441602MA4UX0120")
    response = api(township_officer).post("/api/v1/employers", {
        "name": "某公司", "uscc": uscc[:4] + "I" + uscc[5:], "region_code": VILLAGE}, content_type="application/json")
    assert response.status_code == 422 and "第5位“I”不能出现在统一社会信用代码中" in response.json()["detail"]
    assert not Employer.objects.exists()


def test_reading_and_changing_an_employer(township_officer, employer):
    client = api(township_officer)
    assert client.get(f"/api/v1/employers/{employer.pk}").json()["name"] == "下城优品超市"
    assert [item["id"] for item in client.get("/api/v1/employers", {"q": "优品"}).json()] == [employer.pk]
    response = client.patch(f"/api/v1/employers/{employer.pk}", {"phone": "13900000000"},
                            content_type="application/json")
    assert response.status_code == 200 and response.json()["phone"] == "13900000000"


def test_vacancies_are_added_listed_changed_and_closed(township_officer, employer):
    client = api(township_officer)
    response = client.post("/api/v1/vacancies", {
        "employer_id": employer.pk, "title": "收银员", "occupation_code": "4-01-02-04", "headcount": 2,
        "opens_on": TODAY.isoformat(), "wage_min": 2800, "wage_max": 3500}, content_type="application/json")
    assert response.status_code == 201, response.content
    vacancy = response.json()
    assert vacancy["occupation_name"] == "收银员" and vacancy["industry_code"] == "5212" and vacancy["status"] == "open"
    listed = client.get("/api/v1/vacancies", {"occupation": "4-01", "status": "open"}).json()
    assert [item["id"] for item in listed] == [vacancy["id"]]
    changed = client.patch(f"/api/v1/vacancies/{vacancy['id']}", {"headcount": 4}, content_type="application/json")
    assert changed.status_code == 200 and changed.json()["headcount"] == 4
    refused = client.patch(f"/api/v1/vacancies/{vacancy['id']}", {"wage_min": 9000}, content_type="application/json")
    assert refused.status_code == 422 and "不能低于下限" in refused.json()["detail"]
    closed = client.post(f"/api/v1/vacancies/{vacancy['id']}/close")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert AuditEntry.objects.filter(action="jobservices.vacancy.closed").count() == 1


def test_a_sex_requirement_needs_its_reason(township_officer, employer):
    response = api(township_officer).post("/api/v1/vacancies", {
        "employer_id": employer.pk, "title": "井下工", "occupation_code": "6", "headcount": 1,
        "opens_on": TODAY.isoformat(), "sex_required": "M"}, content_type="application/json")
    assert response.status_code == 422 and "就业促进法第二十七条" in response.json()["detail"]
    assert not Vacancy.objects.exists()


def test_the_occupation_search(heyuan, village_assistant):
    found = api(village_assistant).get("/api/v1/occupations", {"q": "收银"}).json()
    assert {"code": "4-01-02-04", "name": "收银员"} in found


def test_the_code_check_answers_as_the_command(heyuan, village_assistant, rf):
    from hrss.jobservices.employers.api import uscc

    request = rf.get("/")
    request.user = village_assistant
    code = complete_uscc("N2441602MA4UX0130")
    assert uscc(request, code) == {"valid": True, "error": None, "kind": "uscc", "region_code": "441602"}


def test_a_vacancy_list_imported_through_the_api(village_assistant, neighbour_village_assistant, employer):
    csv = ("岗位名称,职业,招聘人数,月薪下限,月薪上限,性别要求,开始招聘日期\n"
           f"收银员,4-01-02-04,2,2800,3500,,{TODAY:%Y-%m-%d}\n"
           "搬运工,会搬东西的人,1,,,,\n").encode()
    path = f"/api/v1/employers/{employer.pk}/vacancy-imports"
    outside = api(neighbour_village_assistant).post(path, {"file": SimpleUploadedFile("岗位.csv", csv)})
    assert outside.status_code == 404 and not Vacancy.objects.exists()
    no_file = api(village_assistant).post(path, {})
    assert no_file.status_code == 422 and "上传岗位空缺表" in no_file.json()["detail"]
    unreadable = api(village_assistant).post(path, {"file": SimpleUploadedFile("岗位.xlsx", b"not a workbook")})
    assert unreadable.status_code == 422 and "表头缺少必填列" in unreadable.json()["detail"]
    answer = api(village_assistant).post(path, {"file": SimpleUploadedFile("岗位.csv", csv)})
    assert answer.status_code == 200, answer.content
    assert [row["title"] for row in answer.json()["created"]] == ["收银员"]
    assert answer.json()["rejected"] == [{"row": 3, "column": "职业",
                                          "reason": "职业分类大典中没有代码或名称为“会搬东西的人”的职业。"}]
    listed = api(village_assistant).get("/api/v1/vacancies", {"employer_id": employer.pk}).json()
    assert [row["title"] for row in listed] == ["收银员"]
