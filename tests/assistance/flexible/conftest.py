import datetime

import pytest
from django.utils import timezone

from hrss.assistance.flexible import services
from hrss.assistance.models import Recognition, RecognitionStatus
from hrss.core import dates
from hrss.core.models import Region, ReviewCase
from hrss.core.permissions import Role
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import TODAY, TOWNSHIP, VILLAGE


@pytest.fixture
def township_reviewer(make_user):
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def make_person(heyuan, village_assistant):
    def make(name="刘灵活", *, age=35, serial=301, status="unemployed", sex="M", code=VILLAGE):
        birth = dates.years_before(TODAY, age) - datetime.timedelta(days=40)
        number = id_number_for(code[:6], birth, serial if sex == "M" else serial + 1)
        return residents_services.register_person(
            actor=village_assistant, id_number=number, name=name, village=Region.objects.get(code=code),
            status=status, status_since=dates.years_before(TODAY, 5))[0]

    return make


@pytest.fixture
def worker(make_person):
    return make_person()


def recognise(person, actor, recognised_on, valid_until):
    """A recognition written directly (its case approved), as the recognition part's chain would leave it."""
    case = ReviewCase.objects.create(
        case_type="assistance.recognition", region_code=person.region_code, subject_id_number=person.id_number,
        title="认定", status=ReviewCase.Status.APPROVED, step="county_approval", step_started_on=recognised_on,
        opened_by=actor, closed_at=timezone.now())
    return Recognition.objects.create(
        person=person, region_code=person.region_code, case=case, number=f"T-{case.pk}", applied_on=recognised_on,
        category="aged", status=RecognitionStatus.RECOGNISED, recognised_on=recognised_on, valid_until=valid_until,
        applied_by=actor)


@pytest.fixture
def recognised(worker, village_assistant):
    return recognise(worker, village_assistant, TODAY - datetime.timedelta(days=30),
                     dates.add_months(TODAY, 24))


REGISTRATION = {"form": "online", "work": "外卖配送", "place": "源城区城区", "income_band": "up_to_double",
                "pays_insurance": True}


def register(actor, person, started_on=None, today=None, **changes):
    return services.register_flexible(actor=actor, person=person, **{
        **REGISTRATION, "started_on": started_on or TODAY - datetime.timedelta(days=3), **changes}, today=today)


@pytest.fixture
def registration(worker, village_assistant):
    registered = register(village_assistant, worker)
    return services.verify_flexible(actor=village_assistant, registration=registered, verified_on=TODAY,
                                    note="入户核实")


def approve(subsidy, reviewer, approver, today=None):
    for actor, action in ((reviewer, "forward"), (approver, "approve")):
        subsidy.case.refresh_from_db()
        services.decide_subsidy(actor=actor, subsidy=subsidy, action=action, version=subsidy.case.version,
                                today=today)
    subsidy.refresh_from_db()
    return subsidy


@pytest.fixture
def running_subsidy(registration, recognised, village_assistant, township_reviewer, county_officer):
    """The worker's subsidy, applied for today and approved: running."""
    subsidy = services.apply_for_subsidy(actor=village_assistant, registration=registration)
    return approve(subsidy, township_reviewer, county_officer)
