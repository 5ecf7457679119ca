"""The employees' scheme as given: recorded for a person of the actor's scope, ended, refused with the reason."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.pensions.coverage import selectors, services
from hrss.pensions.models import EmployeeSchemeRecord
from tests.conftest import TODAY

YESTERDAY = TODAY - datetime.timedelta(days=1)


@pytest.fixture
def worker(make_person):
    return make_person("黄工人", age=30)


def record(actor, person, **changes):
    values = {"since": datetime.date(2020, 3, 1), "until": None, "employer_name": "河源市某公司",
              "source": "税务部门名单", "today": TODAY, **changes}
    return services.record_employee_scheme(actor=actor, person=person, **values)


def test_recorded_it_counts_as_insured_and_is_audited(worker, village_assistant, heyuan):
    made = record(village_assistant, worker)
    assert made.region_code == worker.region_code
    assert selectors.employee_scheme_record_of(worker, TODAY) == made
    assert selectors.coverage_of(worker, TODAY) == (True, "", selectors.EMPLOYEES)
    entry = AuditEntry.objects.get(action="pensions.employee_scheme.recorded")
    assert entry.subject_id_number == worker.id_number and entry.after["scheme_employer"] == "河源市某公司"


@pytest.mark.parametrize(("changes", "message"), [
    ({"since": TODAY + datetime.timedelta(days=1)}, "晚于今天"),
    ({"until": datetime.date(2020, 2, 29)}, "终止日期2020-02-29早于参保起始日期2020-03-01"),
    ({"until": TODAY + datetime.timedelta(days=1)}, "尚未终止的参保请不填终止日期"),
    ({"employer_name": " "}, "请填写参保单位"),
    ({"source": ""}, "请填写信息来源"),
    ({"since": datetime.date(1900, 1, 1)}, "早于黄工人的出生日期"),
])
def test_bad_records_are_refused_with_the_reason(worker, village_assistant, changes, message):
    with pytest.raises(ValidationError) as refused:
        record(village_assistant, worker, **changes)
    assert any(message in text for text in refused.value.messages)
    assert not EmployeeSchemeRecord.objects.exists()


def test_a_start_today_and_an_end_today_are_accepted(worker, village_assistant):
    made = record(village_assistant, worker, since=YESTERDAY, until=TODAY)
    assert made.until == TODAY


def test_overlapping_periods_are_refused_and_adjacent_ones_accepted(worker, village_assistant):
    record(village_assistant, worker, since=datetime.date(2018, 1, 1), until=datetime.date(2019, 12, 31))
    with pytest.raises(ValidationError) as refused:
        record(village_assistant, worker, since=datetime.date(2019, 12, 31))
    assert "期间重叠" in refused.value.messages[0]
    record(village_assistant, worker, since=datetime.date(2020, 1, 1))
    assert EmployeeSchemeRecord.objects.filter(person=worker).count() == 2


def test_ending_yesterday_the_person_is_uninsured_today(worker, village_assistant):
    made = record(village_assistant, worker)
    services.end_employee_scheme(actor=village_assistant, record=made, until=YESTERDAY, today=TODAY)
    made.refresh_from_db()
    assert made.until == YESTERDAY
    assert selectors.coverage_of(worker, TODAY)[2] == selectors.UNINSURED
    assert AuditEntry.objects.filter(action="pensions.employee_scheme.ended").count() == 1


@pytest.mark.parametrize(("until", "message"), [
    (datetime.date(2020, 2, 29), "早于参保起始日期"),
    (TODAY + datetime.timedelta(days=1), "晚于今天"),
])
def test_bad_ends_are_refused(worker, village_assistant, until, message):
    made = record(village_assistant, worker)
    with pytest.raises(ValidationError) as refused:
        services.end_employee_scheme(actor=village_assistant, record=made, until=until, today=TODAY)
    assert message in refused.value.messages[0]


def test_an_ended_record_cannot_be_ended_again(worker, village_assistant):
    made = record(village_assistant, worker, until=YESTERDAY)
    with pytest.raises(ValidationError) as refused:
        services.end_employee_scheme(actor=village_assistant, record=made, until=TODAY, today=TODAY)
    assert "已于" in refused.value.messages[0]


def test_outsiders_are_refused_and_audited(worker, village_assistant, neighbour_village_assistant):
    with pytest.raises(PermissionDenied):
        record(neighbour_village_assistant, worker)
    made = record(village_assistant, worker)
    with pytest.raises(PermissionDenied):
        services.end_employee_scheme(actor=neighbour_village_assistant, record=made, until=TODAY, today=TODAY)
    assert AuditEntry.objects.filter(actor=neighbour_village_assistant,
                                     outcome=AuditEntry.Outcome.DENIED).count() == 2
