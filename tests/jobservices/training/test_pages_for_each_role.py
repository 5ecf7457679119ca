"""Every training page opens for each role that may view it, with data on it, and the handling buttons show only to
those who may use them."""

import datetime

import pytest
from django.test import Client

from hrss.jobservices.training import services
from tests.conftest import TODAY
from tests.jobservices.training.conftest import COOK


@pytest.fixture
def data(ended_course, person, village_assistant, county_officer):
    services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="skills")
    enrolment = services.enrol(actor=county_officer, course=ended_course, person=person,
                               today=ended_course.starts_on)
    services.complete(actor=county_officer, enrolment=enrolment, certificate_kind="training", certificate_number="P-1",
                      completed_on=ended_course.ends_on)
    claim = services.prepare_subsidy_claim(actor=county_officer, course=ended_course)
    return {"course": ended_course, "claim": claim, "person": person}


PAGES = ["/jobservices/training/courses/", "/jobservices/training/enrolments/", "/jobservices/training/wishes/",
         "/jobservices/training/wishes/?show=uncoded", "/jobservices/training/claims/",
         "/jobservices/training/kpi/", "/jobservices/training/kpi/people/"]


@pytest.mark.parametrize("role", ["village_assistant", "township_officer", "county_officer", "city_admin",
                                  "province_viewer"])
def test_every_page_opens(data, role, request):
    user = request.getfixturevalue(role)
    client = Client()
    client.force_login(user)
    for page in PAGES:
        assert client.get(page).status_code == 200, page
    in_scope = role != "village_assistant"  # the course is held in 上城街道, above the village
    for page in (f"/jobservices/training/courses/{data['course'].pk}/",
                 f"/jobservices/training/claims/{data['claim'].pk}/"):
        assert client.get(page).status_code == (200 if in_scope else 404), page
    assert client.get(f"/residents/{data['person'].pk}/").status_code == 200


def test_the_read_only_viewer_sees_no_buttons(data, province_viewer, county_officer):
    def page(user):
        client = Client()
        client.force_login(user)
        return client.get(f"/jobservices/training/courses/{data['course'].pk}/").content.decode()

    assert "申报培训补贴" not in page(province_viewer) and "登记出勤" not in page(province_viewer)
    assert "登记培训班" not in Client().get("/jobservices/training/courses/").content.decode()
    assert data["person"].name in page(county_officer)


def test_the_new_course_form_creates_a_course(county_officer, heyuan):
    client = Client()
    client.force_login(county_officer)
    assert client.get("/jobservices/training/courses/new/").status_code == 200
    response = client.post("/jobservices/training/courses/new/", {
        "name": "SYB 创业培训班", "provider_name": "某培训学校", "kind": "syb", "occupation_code": "4",
        "region": "441602001000", "starts_on": (TODAY + datetime.timedelta(days=16)).isoformat(), "ends_on": (TODAY + datetime.timedelta(days=25)).isoformat(), "hours": "80",
        "places": "25", "free": "on", "fee": "0"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "SYB 创业培训班" in page and "创业培训(SYB)" in page

