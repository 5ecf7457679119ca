"""培训台账 pages and their .xlsx, the person page's panel, and the hub's links."""

import io

import openpyxl
import pytest
from django.test import Client

from hrss.jobservices.training import services
from tests.conftest import TODAY
from tests.jobservices.training.conftest import COOK


@pytest.fixture
def trained(person, make_course, village_assistant, county_officer):
    services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="skills")
    course = make_course()
    enrolment = services.enrol(actor=county_officer, course=course, person=person)
    services.complete(actor=county_officer, enrolment=enrolment, certificate_kind="skill_level",
                      certificate_number="S-0001", completed_on=TODAY)
    return enrolment


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _cells(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [[cell.value for cell in row] for sheet in workbook for row in sheet.iter_rows()]


def test_the_three_ledgers_download(trained, county_officer):
    client = _client(county_officer)
    courses = _cells(client.get("/jobservices/training/courses/export/"))
    assert courses[0][0] == "培训班名称" and courses[1][0] == "中式烹调师培训班" and courses[1][11] == 1
    enrolments = _cells(client.get("/jobservices/training/enrolments/export/"))
    row = enrolments[1]
    assert row[0] == "张三" and "*" in row[1] and row[8] == "已结业" and row[10:] == ["职业技能等级证书", "S-0001"]
    wishes = _cells(client.get("/jobservices/training/wishes/export/"))
    assert wishes[1][4:8] == [COOK, "技能培训", TODAY.isoformat(), "已培训"]


def test_the_ledger_pages(trained, county_officer):
    client = _client(county_officer)
    assert "中式烹调师培训班" in client.get("/jobservices/training/courses/").content.decode()
    page = client.get("/jobservices/training/enrolments/").content.decode()
    assert "张三" in page and "上城街道 下城社区" in page and "S-0001" in page


def test_the_person_page_shows_wishes_courses_and_certificates(trained, person, village_assistant):
    page = _client(village_assistant).get(f"/residents/{person.pk}/").content.decode()
    assert 'data-testid="training"' in page
    assert "中式烹调师培训班" in page and "职业技能等级证书 S-0001" in page and "已培训" in page


def test_the_hub_links_to_the_training_pages(county_officer, village_assistant):
    hub = _client(county_officer).get("/jobservices/").content.decode()
    for url in ("/jobservices/training/courses/", "/jobservices/training/courses/new/",
                "/jobservices/training/claims/", "/jobservices/training/kpi/"):
        assert url in hub
