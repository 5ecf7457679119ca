"""The labour-status groups have one home (hrss/residents/labour_status.py), and a person's current status follows one
rule, whether the change came from a page (the services) or from a ledger file (the bulk import)."""

import datetime

import openpyxl
import pytest

from hrss.residents import labour_status, services
from hrss.residents.imports import import_ledger
from hrss.residents.models import LabourStatus, LabourStatusEvent, Person, Relation
from tests.conftest import TODAY, VILLAGE
from tests.residents.factories import MAN_1980, WOMAN_1982

S = LabourStatus
DAY = datetime.timedelta(days=1)
HEADER = ["公民身份号码", "姓名", "与户主关系", "就业状态", "状态起始日期"]


def test_the_groups_as_the_survey_and_the_registration_rules_read_them():
    assert labour_status.IN_WORK == {S.EMPLOYED, S.FLEXIBLE, S.FARMING, S.MIGRANT}
    assert labour_status.IN_LABOUR_FORCE == {S.EMPLOYED, S.FLEXIBLE, S.FARMING, S.MIGRANT, S.UNEMPLOYED}
    # A farmer is in work for the survey, yet may register as unemployed.
    assert labour_status.IN_WORK_OFF_THE_FARM == {S.EMPLOYED, S.FLEXIBLE, S.MIGRANT}
    # A job here: a start of work from it is a job change; in town, the 城镇从业人员.
    assert labour_status.HOLDS_A_JOB == {S.EMPLOYED, S.FLEXIBLE}
    assert labour_status.HOLDS_A_JOB < labour_status.IN_WORK_OFF_THE_FARM < labour_status.IN_WORK


@pytest.fixture
def twins(heyuan, village_assistant):
    """Two people with the same history: 务农 from four years ago, unemployed from 30 days ago."""
    people = []
    for id_number, name in ((MAN_1980, "张三"), (WOMAN_1982, "李四")):
        person, _ = services.register_person(
            actor=village_assistant, id_number=id_number, name=name, village=heyuan[VILLAGE], status=S.FARMING,
            status_since=TODAY.replace(year=TODAY.year - 4, day=1), relation_to_head=Relation.HEAD)
        services.record_status_change(actor=village_assistant, person=person, status=S.UNEMPLOYED,
                                      effective_date=TODAY - 30 * DAY)
        people.append(Person.objects.get(pk=person.pk))
    return people


def import_rows(tmp_path, heyuan, rows):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append(row)
    workbook.save(tmp_path / "ledger.xlsx")
    return import_ledger(tmp_path / "ledger.xlsx", actor=None, village=heyuan[VILLAGE])


def current(person):
    person = Person.objects.get(pk=person.pk)
    return person.labour_status, person.status_since


@pytest.mark.parametrize(("days_ago", "status", "detail", "label"), [
    (365, S.EMPLOYED, "", "单位就业"),  # before the current status began: history only
    (31, S.MIGRANT, "out_of_province", "转移就业（省外）"),  # the day before
    (30, S.EMPLOYED, "", "单位就业"),  # the same day: recorded last, so current
    (10, S.FLEXIBLE, "", "灵活就业"),  # after it: current
])
def test_the_import_and_the_service_give_the_same_current_status(tmp_path, heyuan, village_assistant, twins,
                                                                    days_ago, status, detail, label):
    by_page, by_file = twins
    since = TODAY - days_ago * DAY
    services.record_status_change(actor=village_assistant, person=by_page, status=status, detail=detail,
                                  effective_date=since)
    result = import_rows(tmp_path, heyuan, [[WOMAN_1982, "李四", "户主", label, since.isoformat()]])
    assert result.rejected == [] and result.updated == 1
    assert current(by_file) == current(by_page)
    expected = (S.UNEMPLOYED, TODAY - 30 * DAY) if days_ago > 30 else (status, since)
    assert current(by_file) == expected
    assert (LabourStatusEvent.objects.filter(person=by_file).count()
            == LabourStatusEvent.objects.filter(person=by_page).count() == 3)


def test_a_back_dated_row_imported_again_adds_nothing(tmp_path, heyuan, twins):
    _by_page, by_file = twins
    row = [WOMAN_1982, "李四", "户主", "单位就业", (TODAY - 365 * DAY).isoformat()]
    import_rows(tmp_path, heyuan, [row])
    again = import_rows(tmp_path, heyuan, [row])
    assert (again.updated, again.unchanged) == (0, 1)
    assert LabourStatusEvent.objects.filter(person=by_file).count() == 3
    assert current(by_file) == (S.UNEMPLOYED, TODAY - 30 * DAY)
