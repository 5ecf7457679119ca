"""The database itself refuses states the models forbid, so that the bulk path (bulk_create, update(), raw inserts
of an import) cannot write them past the services' checks: choices, code formats and state consistency. Runs on
SQLite and on PostgreSQL (HRSS_DATABASE_URL)."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from hrss.core.models import ReviewCase
from hrss.employment import services as employment_services
from hrss.employment.models import (
    EmploymentCertificate,
    EmploymentRegistration,
    Standing,
    UnemploymentRegistration,
)
from hrss.residents import services as residents_services
from hrss.residents.models import Household, LabourStatus, LabourStatusEvent, Person
from tests.conftest import TODAY, VILLAGE, frozen_now
from tests.residents.factories import make_id_number


@pytest.fixture
def person(heyuan, village_assistant):
    return residents_services.register_person(
        actor=village_assistant, id_number=make_id_number(birth=datetime.date(1990, 5, 1), sequence=11),
        name="张三", village=heyuan[VILLAGE], status=LabourStatus.UNEMPLOYED)[0]


@pytest.fixture
def registration(person, village_assistant):
    return employment_services.apply_for_unemployment_registration(
        actor=village_assistant, person=person, category="graduate", wants_work=True, able_to_work=True,
        documents=["id_card"])


def refused(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def a_person(**fields):
    values = {"id_number": make_id_number(birth=datetime.date(1985, 3, 2), sequence=21), "name": "李四", "sex": "M",
              "birth_date": datetime.date(1985, 3, 2), "region_code": VILLAGE}
    return Person(**(values | fields))


@pytest.mark.parametrize("model, field, value", [
    (Person, "labour_status", "working"),
    (Person, "education", "99"),
    (Person, "sex", "m"),
    (Person, "retirement_category", "teacher"),
    (LabourStatusEvent, "status", "full_time"),
    (LabourStatusEvent, "source", "excel"),
    (UnemploymentRegistration, "category", "laid_off"),
    (UnemploymentRegistration, "cancel_reason", "moved_away"),
    (ReviewCase, "status", "closed"),
])
def test_a_value_outside_the_choices_is_refused(registration, model, field, value):
    assert model.objects.exists()
    refused(lambda: model.objects.update(**{field: value}))


def test_the_choices_constraint_is_generated_from_the_choices():
    constraint = next(c for c in Person._meta.constraints if c.name == "residents_person_labour_status_valid")
    assert constraint.condition.connector == "OR"
    assert constraint.condition.children == [("labour_status", value) for value in LabourStatus.values]


@pytest.mark.parametrize("field, value", [
    ("region_code", "4416020010"),  # 10 digits: a township's prefix, not a village's code
    ("region_code", "44160200100A"),
    ("region_code", "44160200100"),
    ("id_number", "44160219900501001"),  # 17 characters
    ("id_number", "4416021990050100x1"),  # a letter inside
    ("id_number", "44160219900501001 "),
    ("id_number", "44160219900501001x"),  # lower-case x: the services store an upper-case X
])
def test_a_malformed_code_is_refused_on_a_bulk_insert(heyuan, field, value):
    refused(lambda: Person.objects.bulk_create([a_person(**{field: value})]))


def test_well_formed_codes_are_accepted(heyuan):
    Person.objects.bulk_create([a_person(id_number="44160219850302002X")])
    Household.objects.bulk_create([Household(region_code=VILLAGE, head_id_number="44160219850302002X")])
    assert Person.objects.get().id_number.endswith("X")


def test_a_malformed_code_is_refused_on_an_update(registration):
    refused(lambda: ReviewCase.objects.update(region_code="441602"))
    refused(lambda: ReviewCase.objects.update(subject_id_number="unknown"))
    refused(lambda: Household.objects.bulk_create([Household(region_code=VILLAGE, head_id_number="head-1")]))
    refused(lambda: LabourStatusEvent.objects.update(region_code="下城社区"))


def test_a_registration_stands_only_with_its_dates(registration):
    refused(lambda: UnemploymentRegistration.objects.update(standing=Standing.REGISTERED))  # no 登记日期
    refused(lambda: UnemploymentRegistration.objects.update(standing=Standing.CANCELLED, registered_on=TODAY,
                                                            cancelled_on=TODAY))  # no reason
    refused(lambda: UnemploymentRegistration.objects.update(registered_on=TODAY))  # dated but not registered
    UnemploymentRegistration.objects.update(standing=Standing.REGISTERED, registered_on=TODAY)
    refused(lambda: UnemploymentRegistration.objects.update(cancel_reason="hired"))  # a reason without 注销


def test_a_cancelled_certificate_has_its_date_and_reason(registration, person, county_officer):
    from hrss.employment import certificates

    certificates.issue_certificate(actor=county_officer, person=person, today=TODAY)
    refused(lambda: EmploymentCertificate.objects.update(status=EmploymentCertificate.Status.CANCELLED))
    refused(lambda: EmploymentCertificate.objects.update(status=EmploymentCertificate.Status.CANCELLED,
                                                         cancelled_on=TODAY))
    refused(lambda: EmploymentCertificate.objects.update(county_code="4416"))


def test_a_hire_names_its_employer(person, county_officer):
    def hire(employer_name):
        return EmploymentRegistration(person=person, region_code=VILLAGE, kind="hired", employer_name=employer_name,
                                      event_date=TODAY, registered_on=TODAY, days_allowed=30,
                                      recorded_by=county_officer)

    refused(lambda: EmploymentRegistration.objects.bulk_create([hire("")]))
    EmploymentRegistration.objects.bulk_create([hire("源城某电子厂")])
    assert EmploymentRegistration.objects.count() == 1


def test_a_review_case_is_closed_exactly_when_decided(registration):
    refused(lambda: ReviewCase.objects.update(status=ReviewCase.Status.APPROVED))  # no 办结时间
    refused(lambda: ReviewCase.objects.update(closed_at=frozen_now()))  # closed while open


def test_one_standing_registration_per_person(registration):
    UnemploymentRegistration.objects.update(standing=Standing.REGISTERED, registered_on=TODAY)
    second = UnemploymentRegistration.objects.get()
    second.pk = None
    second.case = ReviewCase.objects.create(
        case_type="employment.unemployment_registration", region_code=VILLAGE, title="again", step="x",
        step_started_on=TODAY, opened_by=registration.applied_by)
    refused(second.save)


def test_the_review_state_is_read_from_the_case_only(registration):
    assert "status" not in {field.name for field in UnemploymentRegistration._meta.get_fields()}
    assert registration.status == UnemploymentRegistration.Status.PENDING
    ReviewCase.objects.update(status=ReviewCase.Status.WITHDRAWN, closed_at=frozen_now())
    registration.refresh_from_db()
    registration.case.refresh_from_db()
    assert registration.status == UnemploymentRegistration.Status.NOT_REGISTERED
    assert registration.get_status_display() == "未予登记"
    assert list(UnemploymentRegistration.objects.filter(UnemploymentRegistration.status_q(
        UnemploymentRegistration.Status.NOT_REGISTERED))) == [registration]
    assert not UnemploymentRegistration.objects.filter(UnemploymentRegistration.status_q(
        UnemploymentRegistration.Status.PENDING)).exists()
