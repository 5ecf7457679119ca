"""灵活就业人员登记: the ledger's status becomes 灵活就业 through the employment area's 就业登记 (kind 灵活就业);
refused for a person not of working age, in a 单位就业, or already registered; a registration past the 30 days
after starting is taken and marked late."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.assistance.flexible import rules
from hrss.assistance.models import FlexibleRegistration
from hrss.core.models import AuditEntry
from hrss.employment.models import EmploymentRegistration
from hrss.residents.models import LabourStatus
from tests.assistance.flexible.conftest import register
from tests.conftest import TODAY


def test_a_registration_makes_the_person_flexible_in_the_ledger_and_the_employment_registers(worker,
                                                                                           village_assistant):
    registration = register(village_assistant, worker, started_on=TODAY - datetime.timedelta(days=3))
    worker.refresh_from_db()
    assert worker.labour_status == LabourStatus.FLEXIBLE and worker.status_detail == "online"
    employment = EmploymentRegistration.objects.get(person=worker)
    assert employment.kind == "flexible" and employment.flexible_form == "online"
    assert registration.employment_registration == employment
    assert registration.registered_on == TODAY and not registration.is_late
    assert registration.verified_on is None and registration.is_active
    assert AuditEntry.objects.filter(action="assistance.flexible.registered").count() == 1


def test_a_registration_past_the_days_allowed_is_marked_late_not_refused(worker, make_person, village_assistant):
    allowed = rules.days_allowed(TODAY)
    on_time = register(village_assistant, worker, started_on=TODAY - datetime.timedelta(days=allowed))
    assert not on_time.is_late
    other = make_person("晚登记", serial=311)
    late = register(village_assistant, other, started_on=TODAY - datetime.timedelta(days=allowed + 1))
    assert late.is_late


@pytest.mark.parametrize(("age", "status"), [(15, "student"), (70, "retired")])
def test_not_of_working_age_is_refused(make_person, village_assistant, age, status):
    person = make_person("年龄不符", age=age, serial=321, status=status)
    with pytest.raises(ValidationError, match="不在法定劳动年龄内"):
        register(village_assistant, person)
    assert not FlexibleRegistration.objects.exists()


def test_a_person_in_a_job_is_refused(make_person, village_assistant):
    person = make_person("单位职工", serial=331, status="employed")
    with pytest.raises(ValidationError, match="单位就业"):
        register(village_assistant, person)


def test_a_second_active_registration_is_refused(worker, village_assistant):
    register(village_assistant, worker)
    with pytest.raises(ValidationError, match="已有有效的灵活就业登记"):
        register(village_assistant, worker, form="hourly")
    assert FlexibleRegistration.objects.count() == 1


def test_bad_input_is_refused_with_every_reason(worker, village_assistant):
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, worker, form="", work=" ", place="", income_band="",
                 started_on=TODAY + datetime.timedelta(days=1))
    text = "".join(refused.value.messages)
    for reason in ("灵活就业形式", "从事的工作", "从业地点", "月收入", "不能晚于今天"):
        assert reason in text


def test_an_outsider_is_refused_and_audited(worker, neighbour_village_assistant):
    with pytest.raises(PermissionDenied):
        register(neighbour_village_assistant, worker)
    assert AuditEntry.objects.filter(action="assistance.flexible.register", outcome="denied").exists()
