"""The import reads each amount, day and year once and remembers it; rows that repeat one, short rows and a file
read in the second process (as a large file is) come out the same as rows read one by one."""

import dataclasses
import datetime
from decimal import Decimal

from hrss.pensions.contributions import imports, services
from hrss.pensions.models import Contribution, UnmatchedPayment
from tests.conftest import TODAY

PAID = (TODAY - datetime.timedelta(days=3)).isoformat()


def test_repeated_amounts_and_days_each_get_their_subsidy(payer, village_assistant, csv_file):
    path = csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "C0001"),
                     (payer.id_number, payer.name, TODAY.year - 1, "600", PAID, "C0002"),
                     (payer.id_number, payer.name, TODAY.year - 2, "180", PAID, "C0003")])
    _job, result = services.import_file(path, actor=village_assistant, source="bank")
    assert (result.matched, result.subsidies, result.unmatched) == (3, 3, 0)
    subsidies = sorted(Contribution.objects.filter(person=payer, kind="subsidy").values_list("amount", flat=True))
    assert subsidies == [Decimal("30.00"), Decimal("60.00"), Decimal("60.00")]


def test_a_bad_amount_repeated_is_unmatched_each_time_as_written(payer, village_assistant, csv_file):
    path = csv_file([(payer.id_number, payer.name, TODAY.year, "六百", PAID, "C0004"),
                     (payer.id_number, payer.name, TODAY.year - 1, "六百", PAID, "C0005"),
                     (payer.id_number, payer.name, TODAY.year - 2, "600", PAID, "C0006")])
    job, result = services.import_file(path, actor=village_assistant, source="bank")
    assert (result.matched, result.unmatched) == (1, 2)
    rows = UnmatchedPayment.objects.filter(import_file=job).order_by("row")
    assert [(row.amount, row.receipt) for row in rows] == [("六百", "C0004"), ("六百", "C0005")]
    assert all("缴费金额" in row.reason for row in rows)


def test_a_short_row_lacks_its_last_cells(payer, village_assistant, tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("公民身份号码,姓名,缴费年度,缴费金额,到账日期,票据号/流水号,缴费类别\n"
                    f"{payer.id_number},{payer.name},{TODAY.year},600\n", encoding="utf-8")
    job, result = services.import_file(path, actor=village_assistant, source="bank")
    assert (result.matched, result.unmatched) == (0, 1)
    reason = UnmatchedPayment.objects.get(import_file=job).reason
    assert "到账日期" in reason and "票据号" in reason


def test_a_file_read_in_the_second_process_is_matched_the_same(payer, make_person, village_assistant, csv_file,
                                                                monkeypatch):
    other = make_person("孙二号", serial=311, enrol=False)
    importer = imports.importer

    def in_second_process(target, today):
        return dataclasses.replace(importer(target, today), second_process_min_bytes=0, batch_size=2)

    monkeypatch.setattr(imports, "importer", in_second_process)
    path = csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "C0007"),
                     (payer.id_number, payer.name, TODAY.year, "600", PAID, "C0007"),
                     (other.id_number, other.name, TODAY.year, "600", PAID, "C0008"),
                     (payer.id_number, payer.name, TODAY.year - 1, "1200", PAID, "C0009")])
    job, result = services.import_file(path, actor=village_assistant, source="bank")
    assert (result.matched, result.duplicates, result.unmatched, result.subsidies) == (2, 1, 1, 2)
    assert UnmatchedPayment.objects.get(import_file=job).reason == imports.NOT_ENROLLED
    assert Contribution.objects.filter(person=payer, kind="personal").count() == 2
