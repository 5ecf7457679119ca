"""登记招聘会: held by a township, a county or the city, in the actor's scope, on a day at most a year ahead."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.jobservices.guidance import services
from hrss.jobservices.models import JobFair
from tests.conftest import COUNTY, NEIGHBOUR_TOWNSHIP, TODAY, TOWNSHIP, VILLAGE, login

DAY = datetime.timedelta(days=1)


def plan(actor, region_code=TOWNSHIP, held_on=TODAY + 10 * DAY, **overrides):
    return services.plan_fair(actor=actor, region_code=region_code, name="春风行动招聘会", held_on=held_on,
                              place="文化广场", today=TODAY, **overrides)


def test_the_township_officer_holds_a_fair_of_the_township(township_officer):
    fair = plan(township_officer)
    assert (fair.region_code, fair.held_on, fair.place) == (TOWNSHIP, TODAY + 10 * DAY, "文化广场")
    assert AuditEntry.objects.filter(action="jobservices.fair.planned", region_code=TOWNSHIP).count() == 1


def test_the_county_officer_holds_one_of_the_county_or_of_a_township_in_it(county_officer):
    assert plan(county_officer, region_code=COUNTY).region_code == COUNTY
    assert plan(county_officer, region_code=NEIGHBOUR_TOWNSHIP).region_code == NEIGHBOUR_TOWNSHIP


def test_a_township_officer_cannot_hold_one_for_the_county_or_another_township(township_officer):
    for code in (COUNTY, NEIGHBOUR_TOWNSHIP):
        with pytest.raises(PermissionDenied):
            plan(township_officer, region_code=code)
    assert not JobFair.objects.exists()
    assert AuditEntry.objects.filter(action="jobservices.fair.plan", outcome="denied").count() == 2


def test_a_village_is_not_an_office_that_holds_fairs(village_assistant, township_officer):
    with pytest.raises(ValidationError, match="乡镇\\(街道\\)、县\\(区\\)或市"):
        plan(township_officer, region_code=VILLAGE)
    with pytest.raises(ValidationError):
        plan(village_assistant, region_code=VILLAGE)
    assert not JobFair.objects.exists()


def test_a_fair_may_be_planned_a_year_ahead_but_not_more(township_officer):
    plan(township_officer, held_on=TODAY + datetime.timedelta(days=366))
    with pytest.raises(ValidationError, match="超过一年"):
        plan(township_officer, held_on=TODAY + datetime.timedelta(days=367))


def test_a_fair_already_held_may_be_recorded(township_officer):
    assert plan(township_officer, held_on=TODAY - 30 * DAY).held_on == TODAY - 30 * DAY


def test_the_page_registers_a_fair_and_lists_it(client, township_officer):
    login(client, township_officer)
    response = client.post("/jobservices/fairs/new/", {"region": TOWNSHIP, "name": "上城街道专场招聘会",
                                                       "held_on": (TODAY + 5 * DAY).isoformat(), "place": "广场"})
    fair = JobFair.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobservices/fairs/{fair.pk}/"
    listing = client.get("/jobservices/fairs/").content.decode()
    assert "上城街道专场招聘会" in listing and "筹备中" in listing


def test_the_page_refuses_a_region_outside_the_scope(client, township_officer):
    response = login(client, township_officer).post("/jobservices/fairs/new/", {
        "region": NEIGHBOUR_TOWNSHIP, "name": "越权", "held_on": TODAY.isoformat()})
    assert response.status_code == 200 and "不在您的管辖范围内" in response.content.decode()
    assert not JobFair.objects.exists()


def test_the_api_plans_and_lists_fairs(api, township_officer, neighbour_county_officer):
    client = api(township_officer)
    response = client.post("/api/v1/job-fairs", {"region_code": TOWNSHIP, "name": "API招聘会",
                                                 "held_on": (TODAY + DAY).isoformat()})
    assert response.status_code == 201, response.content
    assert [fair["name"] for fair in client.get("/api/v1/job-fairs").json()] == ["API招聘会"]
    assert api(neighbour_county_officer).get("/api/v1/job-fairs").json() == []
    village = client.post("/api/v1/job-fairs", {"region_code": VILLAGE, "name": "村", "held_on": TODAY.isoformat()})
    assert village.status_code == 422
