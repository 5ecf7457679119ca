"""Finding 7 of issue 9: a (dry-run) import says when an ID number is registered in another region, since staff need
it to start a transfer, but each such answer is audited and counted per user, and past the limit the import stops."""

import datetime

import pytest

from hrss.core.models import AuditEntry
from hrss.residents import services
from hrss.residents.imports import ImportRefused, import_ledger
from hrss.residents.models import LabourStatus, Person
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, VILLAGE
from tests.residents.factories import make_id_number
from tests.residents.test_import_ledger import HEADER, write_xlsx

ELSEWHERE = [make_id_number(sequence=2 * index + 101) for index in range(3)]
NEW = make_id_number(sequence=501)


def row(id_number, name):
    return [id_number, name, "户主", "", "农业", "初中", "务农", ""]


@pytest.fixture
def registered_in_zijin(heyuan, neighbour_county_officer):
    for index, id_number in enumerate(ELSEWHERE):
        services.register_person(actor=neighbour_county_officer, id_number=id_number, name=f"紫金{index}",
                                 village=heyuan[NEIGHBOUR_COUNTY_VILLAGE], status=LabourStatus.FARMING)


def dry_run(tmp_path, heyuan, actor, id_numbers):
    path = write_xlsx(tmp_path / "l.xlsx", [row(id_number, f"人{i}") for i, id_number in enumerate(id_numbers)],
                      header=HEADER)
    return import_ledger(path, actor=actor, village=heyuan[VILLAGE], dry_run=True)


def test_the_answer_staff_need_is_given_and_audited(tmp_path, heyuan, village_assistant, registered_in_zijin):
    result = dry_run(tmp_path, heyuan, village_assistant, [ELSEWHERE[0], NEW])
    assert result.created == 1
    assert [error.reason for error in result.rejected] == ["该公民身份号码已在其他地区登记，请核实；如已迁入，请联系原登记地办理迁移。"]
    entry = AuditEntry.objects.get(action="residents.import.registered_elsewhere")
    assert (entry.actor, entry.subject_id_number, entry.outcome, entry.note) == (
        village_assistant, ELSEWHERE[0], "ok", "dry run")
    assert not Person.objects.filter(id_number=NEW).exists()


def test_past_the_limit_the_import_stops_for_that_user_only(tmp_path, heyuan, settings, clock, village_assistant,
                                                             township_officer, registered_in_zijin):
    settings.HRSS_RATE_LIMITS = {**settings.HRSS_RATE_LIMITS, "registered_elsewhere": (2, 3600)}
    assert len(dry_run(tmp_path, heyuan, village_assistant, ELSEWHERE[:2]).rejected) == 2
    with pytest.raises(ImportRefused, match="已达上限（2 行）"):
        dry_run(tmp_path, heyuan, village_assistant, ELSEWHERE[2:])
    answers = AuditEntry.objects.filter(action="residents.import.registered_elsewhere", actor=village_assistant)
    assert sorted(answers.values_list("outcome", flat=True)) == ["denied", "ok", "ok"]

    assert len(dry_run(tmp_path, heyuan, township_officer, ELSEWHERE[2:]).rejected) == 1, "another user: own count"
    clock.shift(datetime.timedelta(hours=1))
    assert len(dry_run(tmp_path, heyuan, village_assistant, ELSEWHERE[2:]).rejected) == 1, "the next hour"
