"""A hire is registered where the employer is: 源城区's officer registers a 紫金县 worker hired in 源城区, the
registration is on 源城区's ledger, the worker's home ledger gets the status change, and the officer learns nothing
of the worker beyond the name and number the employer gave."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from hrss.accounts import services as account_services
from hrss.core.permissions import Role
from hrss.employment import employment_registration as hiring
from hrss.employment import selectors, services
from hrss.employment.models import (
    CancelReason,
    EmploymentKind,
    EmploymentRegistration,
    Standing,
    UnemploymentRegistration,
)
from hrss.residents import services as residents_services
from hrss.residents.models import FlexibleForm, LabourStatus
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, NEIGHBOUR_COUNTY_VILLAGE, TODAY, VILLAGE, login
from tests.residents.factories import make_id_number

D = datetime.date
WORKER_ID = make_id_number(area="441621", birth=D(1990, 5, 1), sequence=11)


@pytest.fixture
def worker(heyuan, neighbour_county_officer):
    """王五 of 紫金县, farming since 2022."""
    return residents_services.register_person(
        actor=neighbour_county_officer, id_number=WORKER_ID, name="王五", village=heyuan[NEIGHBOUR_COUNTY_VILLAGE],
        status=LabourStatus.FARMING, status_since=D(2022, 1, 1))[0]


def hire_list(actor, rows, region=VILLAGE):
    return hiring.register_hires(actor=actor, employer_name="源城某电子厂", employer_code="",
                                 employer_region_code=region, hires=rows)


def test_the_employers_county_registers_a_worker_from_another_county(client, heyuan, worker, county_officer,
                                                                     neighbour_county_officer):
    today = TODAY
    registered, errors = hire_list(county_officer, [(1, WORKER_ID, today, "王五")])
    assert errors == [] and len(registered) == 1
    registration = registered[0]
    assert registration.region_code == VILLAGE  # the employer's village: on 源城区's ledger
    assert list(selectors.employment_registrations(county_officer, heyuan[COUNTY])) == [registration]
    worker.refresh_from_db()
    assert worker.labour_status == LabourStatus.EMPLOYED  # the home ledger follows
    note = worker.status_events.order_by("-id").first().note
    assert "源城某电子厂" in note and "源城区" in note
    # The home county sees the change and the hire on the person's page; 源城区 still cannot open the person.
    person_page = reverse("residents:person-detail", args=[worker.pk])
    assert "源城某电子厂" in login(client, neighbour_county_officer).get(person_page).content.decode()
    assert login(client, county_officer).get(person_page).status_code == 404


def test_an_unknown_number_and_a_wrong_name_get_the_same_answer(worker, county_officer):
    today = TODAY
    unknown = make_id_number(area="441621", birth=D(1991, 5, 1), sequence=13)
    answers = [hire_list(county_officer, [(1, number, today, name)])
               for number, name in [(WORKER_ID, ""), (WORKER_ID, "王六"), (unknown, "王五")]]
    assert [registered for registered, _errors in answers] == [[], [], []]
    assert {errors[0].reason for _registered, errors in answers} == {hiring.NOT_FOUND}
    assert "王五" not in hiring.NOT_FOUND


def test_a_worker_from_elsewhere_needs_the_employers_village(worker, county_officer):
    registered, errors = hire_list(county_officer, [(1, WORKER_ID, TODAY, "王五")], region="")
    assert registered == [] and "用人单位所在村(社区)" in errors[0].reason


def test_the_employers_village_must_be_in_the_officers_scope(worker, county_officer):
    with pytest.raises(PermissionDenied):
        hire_list(county_officer, [(1, WORKER_ID, TODAY, "王五")], region=NEIGHBOUR_COUNTY_VILLAGE)


def test_only_a_hire_reaches_outside_the_scope(worker, county_officer):
    with pytest.raises(PermissionDenied):
        hiring.register_employment(actor=county_officer, person=worker, kind=EmploymentKind.FLEXIBLE,
                                   event_date=TODAY, flexible_form=FlexibleForm.HOURLY,
                                   employer_region_code=VILLAGE)
    assert not EmploymentRegistration.objects.exists()


@pytest.fixture
def registered_unemployed(make_user, worker, neighbour_county_officer):
    assistant = make_user("zva", NEIGHBOUR_COUNTY_VILLAGE, Role.VILLAGE_ASSISTANT)
    residents_services.record_status_change(actor=neighbour_county_officer, person=worker,
                                            status=LabourStatus.UNEMPLOYED, effective_date=D(2023, 1, 1))
    registration = services.apply_for_unemployment_registration(
        actor=assistant, person=worker, category="lost_job", wants_work=True, able_to_work=True,
        documents=["id_card", "termination_proof"], last_employer="河源市某电子厂", left_job_on=D(2023, 1, 1),
        today=D(2023, 1, 5))
    registration.standing, registration.registered_on = Standing.REGISTERED, D(2023, 1, 10)
    registration.save()
    return registration


def test_reemployment_counts_at_home_and_the_employers_officer_is_not_told(client, heyuan, registered_unemployed,
                                                                           county_officer, neighbour_county_officer):
    page = login(client, county_officer).post("/employment/hires/", {
        "employer_name": "源城某电子厂", "employer_region": VILLAGE, "lines": f"{WORKER_ID},2023-05-08,王五"},
    ).content.decode()
    assert "已登记 <strong>1</strong> 人" in page and "外地劳动者" in page
    assert "失业登记已注销" not in page
    # The 失业登记 is the home county's: the hire proposes its cancellation there, a home officer confirms it.
    (proposal,) = services.cancellation_proposals(neighbour_county_officer)
    assert proposal.registration == registered_unemployed and proposal.effective_date == D(2023, 5, 8)
    services.cancel_unemployment_registration(actor=neighbour_county_officer, registration=registered_unemployed,
                                              reason=proposal.reason, effective_date=proposal.effective_date)
    registered_unemployed.refresh_from_db()
    assert (registered_unemployed.status, registered_unemployed.cancel_reason) == (
        UnemploymentRegistration.Status.CANCELLED, CancelReason.HIRED)
    home = selectors.monthly_figures(neighbour_county_officer, heyuan[NEIGHBOUR_COUNTY], 2023, 5)
    employer = selectors.monthly_figures(county_officer, heyuan[COUNTY], 2023, 5)
    assert (home.reemployed, employer.reemployed) == (1, 0)
    assert (home.new_employment, employer.new_employment) == (0, 1)  # the job is in 源城区's 下城社区
    ledger = login(client, county_officer).get(f"/employment/ledgers/employment/?region={COUNTY}").content.decode()
    assert "王五" in ledger and reverse("residents:person-detail", args=[registered_unemployed.person.pk]) not in ledger
    assert "再就业" not in ledger


def test_the_drill_down_names_a_worker_from_elsewhere_and_nothing_more(client, heyuan, worker, county_officer,
                                                                       neighbour_county_officer):
    hire_list(county_officer, [(1, WORKER_ID, D(2023, 5, 8), "王五")])
    residents_services.record_status_change(actor=neighbour_county_officer, person=worker,
                                            status=LabourStatus.MIGRANT, detail="out_of_province",
                                            effective_date=D(2023, 9, 1))
    url = f"/employment/ledgers/people/?region={COUNTY}&month=2023-05&figure=new_employment"
    page = login(client, county_officer).get(url).content.decode()
    assert "王五" in page and "外地" in page
    assert NEIGHBOUR_COUNTY_VILLAGE not in page and "转移就业" not in page
    assert reverse("residents:person-detail", args=[worker.pk]) not in page
    home = login(client, neighbour_county_officer).get(
        f"/employment/ledgers/people/?region={NEIGHBOUR_COUNTY}&month=2023-05&figure=new_employment")
    assert "王五" not in home.content.decode()  # counted where the job is


def test_the_api_does_not_tell_the_employers_officer_of_a_workers_unemployment(registered_unemployed, county_officer,
                                                                               person_born, township_officer):
    (hired,), _ = hire_list(county_officer, [(1, WORKER_ID, D(2023, 5, 8), "王五")])
    local = hiring.register_employment(actor=township_officer, person=person_born(D(1990, 5, 1), sex_sequence=13),
                                       kind=EmploymentKind.HIRED, event_date=TODAY,
                                       employer_name="源城某电子厂")
    token = account_services.create_token(actor=None, user=county_officer)
    client = Client(headers={"Authorization": f"Bearer {token}"})
    answers = [client.get(f"/api/v1/employment/employment-registrations/{registration.pk}").json()
               for registration in (hired, local)]
    assert [answer["was_registered_unemployed"] for answer in answers] == [None, False]
