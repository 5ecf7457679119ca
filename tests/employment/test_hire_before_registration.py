"""A hire dated before the 失业登记's registration date (登记时已就业): registered, the officer told, the
registration proposed for cancellation (a pending one flagged for its reviewer), and never counted twice in the
month's figures. On or after the registration date the hire is re-employment, which ends the registration."""

import datetime

import pytest
from django.test import Client

from hrss.employment import employment_registration as hiring
from hrss.employment import selectors, services
from hrss.employment.models import CancelReason, EmploymentKind, Standing
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.api.test_employment_api import api
from tests.conftest import TODAY, TOWNSHIP

DAY = datetime.timedelta(days=1)
REGISTERED_ON = TODAY - 5 * DAY
LEFT_JOB_ON = TODAY - 15 * DAY  # 失业日期
WARNING = "该人员有尚在办理/已登记的失业登记，已列入建议注销，请核实。"


@pytest.fixture
def application(person_born, village_assistant):
    """赵大海's 失业登记 as applied for (under review): he lost his job on LEFT_JOB_ON."""
    person = person_born(datetime.date(1985, 3, 1), name="赵大海")
    return services.apply_for_unemployment_registration(
        actor=village_assistant, person=person, category="lost_job", wants_work=True, able_to_work=True,
        documents=["id_card", "termination_proof"], last_employer="原电子厂", left_job_on=LEFT_JOB_ON,
        today=REGISTERED_ON)


@pytest.fixture
def registered(application, village_assistant):
    """The same registration approved on REGISTERED_ON (the review chain is tested elsewhere)."""
    application.standing, application.registered_on = Standing.REGISTERED, REGISTERED_ON
    application.save()
    residents_services.apply_status_change(actor=village_assistant, person=application.person,
                                           status=LabourStatus.UNEMPLOYED, effective_date=REGISTERED_ON,
                                           note="失业登记", today=REGISTERED_ON)
    return application


def hire(actor, person, day):
    return hiring.register_employment(actor=actor, person=person, kind=EmploymentKind.HIRED, event_date=day,
                                      employer_name="河源某厂", today=TODAY)


def test_a_hire_the_day_before_the_registration_date_is_proposed_for_cancellation(registered, county_officer,
                                                                                   township_officer):
    employment = hire(county_officer, registered.person, REGISTERED_ON - DAY)
    registered.refresh_from_db()
    registered.person.refresh_from_db()
    assert employment.warning == WARNING
    assert registered.standing == Standing.REGISTERED  # the home officers confirm it
    assert registered.person.labour_status == LabourStatus.EMPLOYED
    [proposal] = services.cancellation_proposals(township_officer)
    assert (proposal.registration, proposal.reason, proposal.effective_date) == (
        registered, CancelReason.HIRED, REGISTERED_ON)
    assert "登记时已就业" in proposal.detail and "河源某厂" in proposal.detail


@pytest.mark.parametrize("days_after", [0, 1])
def test_a_hire_on_or_after_the_registration_date_ends_it_as_re_employment(registered, county_officer,
                                                                           township_officer, days_after):
    employment = hire(county_officer, registered.person, REGISTERED_ON + days_after * DAY)
    registered.refresh_from_db()
    assert employment.warning == ""
    assert (registered.standing, registered.cancel_reason) == (Standing.CANCELLED, CancelReason.HIRED)
    assert services.cancellation_proposals(township_officer) == []


def test_a_hire_before_the_day_the_job_was_lost_is_that_job_not_a_new_one(registered, county_officer,
                                                                           township_officer):
    employment = hire(county_officer, registered.person, LEFT_JOB_ON - DAY)
    assert employment.warning == ""
    assert services.cancellation_proposals(township_officer) == []


def test_a_hire_ended_before_the_registration_is_not_a_job_held_then(registered, county_officer, township_officer):
    hire(county_officer, registered.person, LEFT_JOB_ON + DAY)
    hiring.register_employment(actor=county_officer, person=registered.person, kind=EmploymentKind.CONTRACT_ENDED,
                               event_date=REGISTERED_ON - DAY, employer_name="河源某厂", today=TODAY)
    assert services.cancellation_proposals(township_officer) == []


def test_the_officer_is_told_on_the_hires_page_and_through_the_api(registered, county_officer):
    client = Client()
    client.force_login(county_officer)
    page = client.post("/employment/hires/", {
        "employer_name": "河源某厂", "hired_on": (REGISTERED_ON - DAY).isoformat(),
        "lines": registered.person.id_number}).content.decode()
    assert "已登记 <strong>1</strong> 人" in page and WARNING in page
    response = api(county_officer).post("/api/v1/employment/employment-registrations", {
        "person_id": registered.person.pk, "kind": "hired", "event_date": (REGISTERED_ON - 2 * DAY).isoformat(),
        "employer_name": "另一厂"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["warning"] == WARNING


def test_a_pending_application_is_flagged_on_its_case_page(application, county_officer, township_reviewer):
    employment = hire(county_officer, application.person, LEFT_JOB_ON + DAY)
    assert employment.warning == WARNING
    client = Client()
    client.force_login(township_reviewer)
    page = client.get(f"/employment/unemployment/{application.pk}/").content.decode()
    assert "登记时已就业" in page and "河源某厂" in page and "再决定是否批准" in page


def test_an_application_without_a_hire_has_no_flag(application, township_reviewer):
    client = Client()
    client.force_login(township_reviewer)
    assert "登记时已就业" not in client.get(f"/employment/unemployment/{application.pk}/").content.decode()


def test_no_one_is_both_registered_unemployed_and_employed_at_the_month_end(registered, county_officer,
                                                                            township_officer, heyuan):
    hire(county_officer, registered.person, REGISTERED_ON - DAY)

    def figures():
        result = selectors.monthly_figures(township_officer, heyuan[TOWNSHIP], TODAY.year, TODAY.month)
        return result.registered_unemployed, result.employed

    assert figures() == (1, 0)  # the registration stands until its cancellation is confirmed
    services.cancel_unemployment_registration(actor=township_officer, registration=registered,
                                              reason=CancelReason.HIRED, effective_date=REGISTERED_ON)
    assert figures() == (0, 1)


def test_the_officer_is_told_on_the_single_registration_page(registered, county_officer):
    client = Client()
    client.force_login(county_officer)
    page = client.post(f"/employment/employment/new/{registered.person.pk}/", {
        "kind": "hired", "event_date": (REGISTERED_ON - DAY).isoformat(), "employer_name": "河源某厂"},
        follow=True).content.decode()
    assert "已办理 赵大海 的单位招用登记" in page and WARNING in page


def test_the_home_page_does_not_call_a_hire_before_the_registration_one_by_an_outside_employer(
        registered, county_officer, township_officer):
    """登记时已就业 is proposed on the proposals page, but the home page's item 已被外地用人单位录用 counts only hires
    registered since the registration by another office (services.hired_elsewhere_count)."""
    hire(county_officer, registered.person, REGISTERED_ON - DAY)
    assert [p.reason for p in services.cancellation_proposals(township_officer)] == [CancelReason.HIRED]
    assert services.hired_elsewhere_count(township_officer) == 0
    client = Client()
    client.force_login(township_officer)
    assert "已被外地用人单位录用" not in client.get("/").content.decode()
