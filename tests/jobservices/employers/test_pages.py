"""The employers' and vacancies' pages as an officer uses them: register, see the warning after saving, add a
vacancy with the occupation picker, close it, search the ledgers and download them."""

import io

import openpyxl
import pytest

from hrss.jobservices.codes import complete_uscc
from hrss.jobservices.models import Employer, Vacancy, VacancyStatus
from tests.conftest import TODAY, VILLAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, township_officer):
    client.force_login(township_officer)
    return client


def test_registering_an_employer_from_another_county_shows_the_warning_after_saving(officer_client, heyuan):
    uscc = complete_uscc("91441621MA4UX0090")  # registered in 紫金县
    response = officer_client.post("/jobservices/employers/new/", {
        "name": "紫金某建材公司下城仓库", "uscc": uscc, "region": VILLAGE, "phone": "0762-1234567"}, follow=True)
    body = response.content.decode()
    employer = Employer.objects.get(uscc=uscc)
    assert response.redirect_chain[-1][0] == f"/jobservices/employers/{employer.pk}/"
    assert "已登记用人单位" in body and "紫金县" in body and "请核对" in body


def test_a_wrong_code_is_shown_on_the_form_with_its_position(officer_client, heyuan):
    uscc = complete_uscc("91441602MA4UX0100")
    wrong = "0" if uscc[17] != "0" else "1"
    response = officer_client.post("/jobservices/employers/new/", {
        "name": "某公司", "uscc": uscc[:17] + wrong, "region": VILLAGE})
    assert response.status_code == 200 and f"第18位校验码应为 {uscc[17]}，实为 {wrong}" in response.content.decode()
    assert not Employer.objects.exists()


def test_the_employer_list_searches_by_name_and_code(officer_client, employer):
    body = officer_client.get("/jobservices/employers/", {"q": "优品"}).content.decode()
    assert "下城优品超市" in body and "table-responsive" in body
    assert "下城优品超市" in officer_client.get("/jobservices/employers/", {"q": employer.uscc[:10]}).content.decode()
    assert "下城优品超市" not in officer_client.get("/jobservices/employers/", {"q": "不存在"}).content.decode()


def test_adding_a_vacancy_with_the_picker_s_value(officer_client, employer):
    page = officer_client.get(f"/jobservices/employers/{employer.pk}/vacancies/new/").content.decode()
    assert 'list="occupation-options"' in page and "hx-get=\"/jobservices/occupations/\"" in page
    response = officer_client.post(f"/jobservices/employers/{employer.pk}/vacancies/new/", {
        "title": "收银员", "occupation": "4-01-02-04 收银员", "headcount": "2", "opens_on": TODAY.isoformat(),
        "sex_required": "", "education_min": ""}, follow=True)
    vacancy = Vacancy.objects.get()
    assert vacancy.occupation_code == "4-01-02-04" and vacancy.region_code == employer.region_code
    assert "收银员" in response.content.decode() and "社会生产服务和生活服务人员" in response.content.decode()


def test_a_sex_requirement_without_reason_is_refused_on_the_form(officer_client, employer):
    response = officer_client.post(f"/jobservices/employers/{employer.pk}/vacancies/new/", {
        "title": "搬运工", "occupation": "4", "headcount": "1", "opens_on": TODAY.isoformat(), "sex_required": "M"})
    assert "就业促进法第二十七条" in response.content.decode() and not Vacancy.objects.exists()


def test_the_picker_finds_occupations_by_name(officer_client, heyuan):
    body = officer_client.get("/jobservices/occupations/", {"occupation": "收银"}).content.decode()
    assert '<option value="4-01-02-04 收银员">' in body


def test_closing_a_vacancy(officer_client, vacancy):
    officer_client.post(f"/jobservices/vacancies/{vacancy.pk}/close/")
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.CLOSED
    detail = officer_client.get(f"/jobservices/vacancies/{vacancy.pk}/").content.decode()
    assert "已关闭" in detail and "关闭岗位</button>" not in detail


def test_the_vacancy_ledger_filters_by_status_and_occupation(officer_client, vacancy):
    assert "收银员" in officer_client.get("/jobservices/vacancies/", {"status": "open"}).content.decode()
    assert "收银员" not in officer_client.get("/jobservices/vacancies/", {"status": "closed"}).content.decode()
    assert "收银员" in officer_client.get("/jobservices/vacancies/", {"occupation": "4-01"}).content.decode()
    assert "收银员" not in officer_client.get("/jobservices/vacancies/", {"occupation": "6"}).content.decode()


def sheet_rows(response):
    return list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_both_ledgers_download_as_xlsx(officer_client, vacancy):
    employers = sheet_rows(officer_client.get("/jobservices/employers/export.xlsx"))
    assert employers[0][:2] == ("单位名称", "统一社会信用代码")
    assert employers[1][0] == "下城优品超市" and employers[1][3] == "源城区 上城街道 下城社区" and employers[1][10] == 1
    vacancies = sheet_rows(officer_client.get("/jobservices/vacancies/export.xlsx"))
    assert vacancies[1][2:5] == ("收银员", "4-01-02-04", "收银员") and vacancies[1][19] == "招聘中"


def test_the_hub_lists_the_part_s_pages(officer_client, heyuan):
    body = officer_client.get("/jobservices/").content.decode()
    assert "用人单位台账" in body and "岗位空缺台账" in body


def test_editing_a_vacancy_keeps_its_occupation_and_legal_reason(officer_client, employer, township_officer):
    from hrss.jobservices.employers import services

    vacancy = services.add_vacancy(actor=township_officer, employer=employer, title="女子监区管教", occupation_code="3",
                                   headcount=1, opens_on=TODAY, sex_required="F", sex_reason="other",
                                   sex_reason_other="监狱法：女犯由女性人民警察直接管理")
    form = officer_client.get(f"/jobservices/vacancies/{vacancy.pk}/edit/").content.decode()
    assert 'value="3 ' in form and "监狱法：女犯由女性人民警察直接管理" in form
    response = officer_client.post(f"/jobservices/vacancies/{vacancy.pk}/edit/", {
        "title": "女子监区管教", "occupation": "3", "headcount": "2", "opens_on": TODAY.isoformat(),
        "sex_required": "F", "sex_reason": "other", "sex_reason_other": "监狱法：女犯由女性人民警察直接管理"})
    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.headcount == 2 and vacancy.sex_reason == "其他法定情形：监狱法：女犯由女性人民警察直接管理"


def test_editing_an_employer(officer_client, employer):
    page = officer_client.get(f"/jobservices/employers/{employer.pk}/edit/").content.decode()
    assert "下城社区（上城街道） 441602001003" in page
    response = officer_client.post(f"/jobservices/employers/{employer.pk}/edit/", {
        "name": "下城优品超市（总店）", "uscc": employer.uscc, "region": VILLAGE, "industry_code": "5212"})
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.name == "下城优品超市（总店）"


def test_the_ledgers_follow_the_place_picked_by_name(officer_client, vacancy):
    picked = {"region": "下城社区（上城街道） 441602001003"}
    assert "下城优品超市" in officer_client.get("/jobservices/employers/", picked).content.decode()
    assert "收银员" in officer_client.get("/jobservices/vacancies/", picked).content.decode()
    neighbour = {"region": "公园社区（上城街道） 441602001006"}
    assert "下城优品超市" not in officer_client.get("/jobservices/employers/", neighbour).content.decode()
    assert officer_client.get("/jobservices/employers/", {"region": "紫城镇 441621100000"}).status_code == 404


def test_a_read_only_role_sees_the_ledgers_without_the_buttons(client, province_viewer, vacancy):
    client.force_login(province_viewer)
    body = client.get("/jobservices/employers/").content.decode()
    assert "下城优品超市" in body and "登记用人单位</a>" not in body
    assert "关闭岗位" not in client.get(f"/jobservices/vacancies/{vacancy.pk}/").content.decode()
    assert client.get("/jobservices/employers/new/").status_code == 403


def test_an_open_vacancy_leads_to_its_matching_seekers(officer_client, vacancy):
    detail = officer_client.get(f"/jobservices/vacancies/{vacancy.pk}/").content.decode()
    assert "匹配求职人" in detail
    link = detail.split('data-testid="vacancy-matches-link"')[0].rsplit('href="', 1)[1].split('"')[0]
    assert officer_client.get(link).status_code == 200
