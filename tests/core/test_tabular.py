"""The tabular pipeline of core, through a whole import written in a few lines (a list of named days): what an
import brings is its column spec, a row validator and a writer; header detection, refusals, batches, rejections
with Excel row numbers, the report, dry runs, resuming and the second reading process are the pipeline's."""

import io
import zipfile

import openpyxl
import pytest
from django.core.management import call_command

from hrss.core import tabular
from hrss.core.models import CalendarDay
from hrss.core.spreadsheets import cell_date, cell_text
from hrss.core.tabular import Column, ImportRefused, RowError
from hrss.core.tabular.command import ImportCommand

# --- the example import: the whole of it -----------------------------------------------------------------------
DAYS = tabular.Spec((Column("date", "日期", ("日子",), required=True), Column("name", "名称", ("节日", "说明"))))


def day_validator(mapping):
    pick, header = tabular.picker(mapping), tabular.header_names(mapping)

    def validate(row_number, cells):
        row = pick(cells)
        day = cell_date(row["date"])
        if day is None:
            return None, [RowError(row_number, header["date"], f"“{cell_text(row['date'])}”不是日期。")]
        return {"date": day, "name": cell_text(row.get("name"))[:50]}, []

    return validate


def write_days(batch, result):
    CalendarDay.objects.bulk_create(CalendarDay(date=day, kind=CalendarDay.Kind.HOLIDAY, name=name)
                                    for _row, (day, name) in batch.rows)
    result.created += len(batch)


def import_days(path, **options):
    importer = tabular.Importer(DAYS, day_validator, write_days, batch_size=options.pop("batch_size", 10000),
                                second_process_min_bytes=options.pop("second_process_min_bytes", 1 << 20))
    return tabular.run(path, importer, **options)
# --- end of the example import ---------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def write_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


TITLED = [
    ["2031年纪念日名单"],  # a title above the table, as village lists often have
    [],
    ["序号", "日子", "节日"],  # an alias for 日期, and a column the import does not know
    [1, "2031-01-01", "元旦"],
    [2, "2031-02-30", "不存在的日子"],
    [],
    [3, "2031/5/1", "劳动节"],
    [4, "2031-10-01", "国庆节"],
]


def saved_days():
    return {day.isoformat(): name for day, name in CalendarDay.objects.filter(date__year=2031)
            .values_list("date", "name")}


def test_a_new_import_finds_its_header_under_a_title_and_rejects_rows_by_their_excel_number(tmp_path):
    result = import_days(write_xlsx(tmp_path / "days.xlsx", TITLED))
    assert saved_days() == {"2031-01-01": "元旦", "2031-05-01": "劳动节", "2031-10-01": "国庆节"}
    assert result.created == 3
    assert [error.as_dict() for error in result.rejected] == [
        {"row": 5, "column": "日期", "reason": "“2031-02-30”不是日期。"}]
    assert result.notes == ["表头在第3行；上面的第1行不是表头，已跳过。", "未识别的列“序号”已忽略。"]
    assert result.rows_processed == 8 and result.rows_read == 4


def test_the_rejected_rows_report_is_a_spreadsheet_with_the_row_numbers(tmp_path):
    result = import_days(write_xlsx(tmp_path / "days.xlsx", TITLED))
    sheet = openpyxl.load_workbook(io.BytesIO(tabular.errors_xlsx(result.rejected)))["未导入的行"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["行号", "列", "原因"], [5, "日期", "“2031-02-30”不是日期。"]]


def test_a_dry_run_reports_the_same_and_saves_nothing(tmp_path):
    result = import_days(write_xlsx(tmp_path / "days.xlsx", TITLED), dry_run=True)
    assert (result.created, [error.row for error in result.rejected]) == (3, [5])
    assert saved_days() == {}


def test_a_file_without_a_required_column_is_refused_naming_it(tmp_path):
    path = write_xlsx(tmp_path / "days.xlsx", [["名称"], ["元旦"]])
    with pytest.raises(ImportRefused, match="表头缺少必填列：日期。"):
        import_days(path)


def test_a_hostile_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "days.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/vbaProject.bin", b"macro")
    with pytest.raises(ImportRefused, match="含有宏"):
        import_days(path)
    assert saved_days() == {}


def test_an_import_stopped_by_a_crash_resumes_after_its_last_saved_batch(tmp_path):
    path = write_xlsx(tmp_path / "days.xlsx", TITLED)
    committed = []

    def crash_in_second_batch(result):
        if committed:
            raise KeyboardInterrupt  # as if killed inside the second batch's transaction
        committed.append(result.rows_processed)

    with pytest.raises(KeyboardInterrupt):
        import_days(path, batch_size=1, progress=crash_in_second_batch)
    assert saved_days() == {"2031-01-01": "元旦"}, "the first batch stays, the second is rolled back whole"
    resumed = import_days(path, batch_size=1, start_after_row=committed[0])
    assert resumed.created == 2 and [error.row for error in resumed.rejected] == [5]
    assert saved_days() == {"2031-01-01": "元旦", "2031-05-01": "劳动节", "2031-10-01": "国庆节"}


def test_a_second_reading_process_gives_the_same_result(tmp_path):
    import multiprocessing

    result = import_days(write_xlsx(tmp_path / "days.xlsx", TITLED), batch_size=1, second_process_min_bytes=0)
    assert (result.created, [error.row for error in result.rejected]) == (3, [5])
    assert len(saved_days()) == 3
    assert multiprocessing.active_children() == []


def test_the_light_path_reads_a_short_list_under_its_header(tmp_path):
    rows = list(tabular.records(write_xlsx(tmp_path / "days.xlsx", TITLED), DAYS))
    assert [number for number, _row in rows] == [4, 5, 7, 8]
    assert rows[0][1] == {"date": "2031-01-01", "name": "元旦"}


class DaysCommand(ImportCommand):
    def run_import(self, path, options):
        return import_days(path, dry_run=options["dry_run"])


def test_an_import_command_has_the_dry_run_json_and_errors_report_flags(tmp_path, capsys):
    import json

    path = write_xlsx(tmp_path / "days.xlsx", TITLED)
    call_command(DaysCommand(), str(path), "--json", "--dry-run", "--errors-xlsx", str(tmp_path / "errors.xlsx"))
    assert json.loads(capsys.readouterr().out) == {"created": 3, "updated": 0, "unchanged": 0, "rejected": [
        {"row": 5, "column": "日期", "reason": "“2031-02-30”不是日期。"}]}
    assert saved_days() == {}
    assert openpyxl.load_workbook(tmp_path / "errors.xlsx")["未导入的行"]["A2"].value == 5
    call_command(DaysCommand(), str(path))
    assert capsys.readouterr().out.startswith("新增 3，更新 0，未变 0，未导入 1 处\n  说明：表头在第3行")
