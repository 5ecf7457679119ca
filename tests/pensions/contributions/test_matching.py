"""A payment row is applied only to the person its ID number AND name name, enrolled, within the importer's area;
every other row is kept as unmatched with the reason, never applied to someone else."""

import datetime
from decimal import Decimal

from hrss.pensions.contributions import imports, services
from hrss.pensions.models import Contribution, UnmatchedPayment
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY

PAID = (TODAY - datetime.timedelta(days=2)).isoformat()


def reasons(job):
    return {row.name: row.reason for row in UnmatchedPayment.objects.filter(import_file=job)}


def test_a_row_matching_id_and_name_is_applied_with_its_subsidy(payer, village_assistant, csv_file):
    path = csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "B0001")])
    job, result = services.import_file(path, actor=village_assistant, source="bank")
    assert (result.matched, result.unmatched, result.duplicates) == (1, 0, 0)
    rows = {row.kind: row.amount for row in Contribution.objects.filter(person=payer)}
    assert rows == {"personal": Decimal("600.00"), "subsidy": Decimal("60.00")}
    job.refresh_from_db()
    assert (job.status, job.matched, job.unmatched) == ("done", 1, 0)


def test_right_id_wrong_name_is_unmatched_and_applied_to_nobody(payer, village_assistant, csv_file):
    path = csv_file([(payer.id_number, "王冒名", TODAY.year, "600", PAID, "B0002")])
    job, result = services.import_file(path, actor=village_assistant, source="bank")
    assert (result.matched, result.unmatched) == (0, 1)
    assert reasons(job) == {"王冒名": imports.NAME_DIFFERS}
    assert not Contribution.objects.exists()


def test_unknown_id_is_unmatched(payer, village_assistant, csv_file):
    unknown = payer.id_number[:14] + "9999"
    path = csv_file([(unknown, "无此人", TODAY.year, "600", PAID, "B0003")])
    job, _result = services.import_file(path, actor=village_assistant, source="bank")
    assert reasons(job) == {"无此人": imports.NOT_IN_LEDGER}


def test_a_person_not_enrolled_is_unmatched(make_person, village_assistant, csv_file):
    person = make_person("赵未保", serial=303, enrol=False)
    path = csv_file([(person.id_number, person.name, TODAY.year, "600", PAID, "B0004")])
    job, _result = services.import_file(path, actor=village_assistant, source="bank")
    assert reasons(job) == {"赵未保": imports.NOT_ENROLLED}
    assert not Contribution.objects.exists()


def test_a_person_outside_the_importers_area_reads_like_an_unknown_id(make_person, village_assistant, csv_file):
    elsewhere = make_person("钱邻村", serial=305, code=NEIGHBOUR_VILLAGE)
    path = csv_file([(elsewhere.id_number, elsewhere.name, TODAY.year, "600", PAID, "B0005")])
    job, _result = services.import_file(path, actor=village_assistant, source="bank")
    assert reasons(job) == {"钱邻村": imports.NOT_IN_LEDGER}
    assert not Contribution.objects.exists()


def test_bad_cells_are_unmatched_with_what_to_fix(payer, village_assistant, csv_file):
    path = csv_file([(payer.id_number, payer.name, "二〇二六", "-5", "昨天", "B0006", "赞助")])
    job, _result = services.import_file(path, actor=village_assistant, source="bank")
    reason = reasons(job)[payer.name]
    for words in ("到账日期不是日期", "缴费年度", "缴费金额应为大于0", "缴费类别“赞助”"):
        assert words in reason
