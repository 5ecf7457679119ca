import datetime
import json
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from hrss.residents.imports import ImportRefused, import_ledger
from hrss.residents.models import Household, LabourStatus, LabourStatusEvent, Person
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, VILLAGE
from tests.residents.factories import CHILD_2015, MAN_1980, WOMAN_1982, make_id_number

TODAY = datetime.date(2026, 11, 25)
HEADER = ["公民身份号码", "姓名", "与户主关系", "户主公民身份号码", "户籍性质", "文化程度", "就业状态", "联系电话"]
GOOD_ROWS = [
    [MAN_1980, "张三", "户主", "", "农业", "初中", "转移就业（省外）", "13800000000"],
    [WOMAN_1982, "李四", "配偶", MAN_1980, "农业", "小学", "务农", ""],
    [CHILD_2015, "张小", "子女", MAN_1980, "农业", "", "在校", ""],
]


def write_xlsx(path, rows, header=HEADER, numeric_ids=False):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        if numeric_ids:
            row = [float(row[0]) if row[0].isdigit() else row[0], *row[1:]]
        sheet.append(row)
    workbook.save(path)
    return path


def one_person_households(count):
    return [[make_id_number(sequence=2 * i + 1), f"人{i}", "户主", "", "农业", "初中", "务农", ""] for i in range(count)]


def write_csv(path, rows, header=HEADER, encoding="utf-8"):
    lines = [",".join(header)] + [",".join(row) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def test_an_xlsx_ledger_is_imported_with_households_and_statuses(tmp_path, heyuan):
    result = import_ledger(write_xlsx(tmp_path / "l.xlsx", GOOD_ROWS), actor=None, village=heyuan[VILLAGE],
                           today=TODAY)
    assert (result.created, result.updated, result.unchanged, result.rejected) == (3, 0, 0, [])
    zhang = Person.objects.get(id_number=MAN_1980)
    assert zhang.labour_status == LabourStatus.MIGRANT and zhang.status_detail == "out_of_province"
    assert Household.objects.get().members.count() == 3
    assert LabourStatusEvent.objects.count() == 3


def test_importing_the_same_file_twice_changes_nothing(tmp_path, heyuan):
    path = write_xlsx(tmp_path / "l.xlsx", GOOD_ROWS)
    import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)
    before = list(Person.objects.order_by("id").values())
    again = import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert list(Person.objects.order_by("id").values()) == before
    assert LabourStatusEvent.objects.count() == 3


def test_a_changed_status_updates_the_person_and_adds_an_event(tmp_path, heyuan):
    import_ledger(write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS), actor=None, village=heyuan[VILLAGE], today=TODAY)
    changed = [GOOD_ROWS[0][:6] + ["失业", GOOD_ROWS[0][7]], *GOOD_ROWS[1:]]
    result = import_ledger(write_xlsx(tmp_path / "b.xlsx", changed), actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    assert Person.objects.get(id_number=MAN_1980).labour_status == LabourStatus.UNEMPLOYED
    assert LabourStatusEvent.objects.filter(person__id_number=MAN_1980).count() == 2


def test_bad_rows_are_reported_and_good_rows_saved(tmp_path, heyuan):
    rows = [
        *GOOD_ROWS,
        [MAN_1980[:-1] + ("0" if MAN_1980[-1] != "0" else "1"), "错号", "户主", "", "农业", "初中", "务农", ""],
        [make_id_number(sequence=55), "", "户主", "", "农业", "初中", "务农", ""],
        [make_id_number(sequence=57), "王五", "户主", "", "农业", "初中", "上班", ""],
        [make_id_number(birth=datetime.date(2012, 1, 1), sequence=59), "小孩", "户主", "", "农业", "", "单位就业", ""],
        [WOMAN_1982, "重复", "配偶", MAN_1980, "农业", "小学", "务农", ""],
    ]
    result = import_ledger(write_xlsx(tmp_path / "l.xlsx", rows), actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert result.created == 3
    rejected = {(error.row, error.column): error.reason for error in result.rejected}
    assert "校验码" in rejected[(5, "公民身份号码")]
    assert "姓名为必填项" in rejected[(6, "姓名")]
    assert "不是可选的就业状态" in rejected[(7, "就业状态")]
    assert "未满16周岁" in rejected[(8, "就业状态")]
    assert "与第3行的公民身份号码重复" in rejected[(9, "公民身份号码")]
    assert Person.objects.count() == 3


def test_id_numbers_typed_as_numbers_are_refused(tmp_path, heyuan):
    result = import_ledger(write_xlsx(tmp_path / "l.xlsx", GOOD_ROWS[:1], numeric_ids=True), actor=None,
                           village=heyuan[VILLAGE], today=TODAY)
    assert result.created == 0
    assert "存成了数字" in result.rejected[0].reason


def test_a_head_number_typed_as_a_number_is_refused(tmp_path, heyuan):
    path = tmp_path / "l.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(GOOD_ROWS[0])
    workbook.active.append([WOMAN_1982, "李四", "配偶", float(MAN_1980), "农业", "小学", "务农", ""])
    workbook.save(path)
    result = import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert result.created == 1
    assert [(error.row, error.column) for error in result.rejected] == [(3, "户主公民身份号码")]
    assert "存成了数字" in result.rejected[0].reason


def test_row_numbers_are_excels_when_the_table_starts_lower_and_further_right(tmp_path, heyuan):
    path = tmp_path / "l.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "下城社区劳动力资源台账"  # a title above the table, then an empty row
    for offset, row in enumerate([HEADER, GOOD_ROWS[0], [make_id_number(sequence=55), "", "户主", "", "农业", "初中",
                                                         "务农", ""]]):
        for column, value in enumerate(row, start=2):
            sheet.cell(row=3 + offset, column=column, value=value)
    workbook.save(path)
    result = import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert result.created == 1
    assert [(error.row, error.column) for error in result.rejected] == [(5, "姓名")]
    assert result.notes[0] == "表头在第3行；上面的第1行不是表头，已跳过。"


def test_column_order_is_free_and_headers_may_vary(tmp_path, heyuan):
    header = ["姓 名", "备注", "身份证号码*", "就业情况", "户口性质"]
    rows = [["张三", "随便写", MAN_1980, "务农", "农业户口"]]
    result = import_ledger(write_csv(tmp_path / "l.csv", rows, header=header), actor=None, village=heyuan[VILLAGE],
                           today=TODAY)
    assert result.created == 1
    assert any("备注" in note for note in result.notes)


def test_a_gbk_csv_from_chinese_excel_is_read(tmp_path, heyuan):
    path = write_csv(tmp_path / "l.csv", GOOD_ROWS, encoding="gb18030")
    assert import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY).created == 3


def test_a_utf8_csv_with_bom_is_read(tmp_path, heyuan):
    path = write_csv(tmp_path / "l.csv", GOOD_ROWS, encoding="utf-8-sig")
    assert import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY).created == 3


def test_a_file_without_the_required_columns_is_refused_as_a_whole(tmp_path, heyuan):
    path = write_csv(tmp_path / "l.csv", [["张三"]], header=["姓名"])
    with pytest.raises(ImportRefused, match="公民身份号码、就业状态"):
        import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)


def test_rows_outside_the_importers_scope_are_rejected(tmp_path, heyuan, township_officer):
    header = [*HEADER, "村(社区)代码"]
    rows = [GOOD_ROWS[0] + [VILLAGE], GOOD_ROWS[1] + [NEIGHBOUR_COUNTY_VILLAGE]]
    result = import_ledger(write_xlsx(tmp_path / "l.xlsx", rows, header=header), actor=township_officer,
                           village=None, today=TODAY)
    assert result.created == 1
    assert "不在您的管辖范围内" in result.rejected[0].reason and result.rejected[0].row == 3


def test_a_person_registered_elsewhere_is_not_overwritten(tmp_path, heyuan):
    import_ledger(write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS[:1]), actor=None, village=heyuan[VILLAGE], today=TODAY)
    result = import_ledger(write_xlsx(tmp_path / "b.xlsx", GOOD_ROWS[:1]), actor=None,
                           village=heyuan[NEIGHBOUR_COUNTY_VILLAGE], today=TODAY)
    assert result.created == 0 and "已在其他地区登记" in result.rejected[0].reason
    assert Person.objects.get().region_code == VILLAGE


def test_dry_run_validates_and_saves_nothing(tmp_path, heyuan):
    result = import_ledger(write_xlsx(tmp_path / "l.xlsx", GOOD_ROWS), actor=None, village=heyuan[VILLAGE],
                           dry_run=True, today=TODAY)
    assert result.created == 3
    assert not Person.objects.exists() and not Household.objects.exists()


def test_the_command_prints_json(tmp_path, heyuan, capsys):
    path = write_xlsx(tmp_path / "l.xlsx", [*GOOD_ROWS, ["123", "坏", "", "", "", "", "务农", ""]])
    call_command("import-ledger", str(path), "--village", VILLAGE, "--json")
    output = json.loads(capsys.readouterr().out)
    assert (output["created"], output["updated"], output["unchanged"]) == (3, 0, 0)
    assert output["rejected"] == [{"row": 5, "column": "公民身份号码", "reason": output["rejected"][0]["reason"]}]


def test_the_command_writes_the_rejected_rows(tmp_path, heyuan):
    path = write_xlsx(tmp_path / "l.xlsx", [["123", "坏", "", "", "", "", "务农", ""]])
    call_command("import-ledger", str(path), "--village", VILLAGE, "--errors-xlsx", str(tmp_path / "errors.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "errors.xlsx").active
    assert [cell.value for cell in sheet[1]] == ["行号", "列", "原因"]
    assert sheet.cell(2, 1).value == 2


def test_the_command_refuses_an_unknown_village(tmp_path, heyuan):
    with pytest.raises(CommandError, match="不存在"):
        call_command("import-ledger", str(write_xlsx(tmp_path / "l.xlsx", GOOD_ROWS)), "--village", "441699999999")


# --- hostile files ----------------------------------------------------------------------------------------


def test_a_file_that_is_not_a_spreadsheet_is_refused(tmp_path, heyuan):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(ImportRefused, match="不是表格"):
        import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)


def test_a_macro_workbook_is_refused(tmp_path, heyuan):
    path = write_xlsx(tmp_path / "l.xlsx", GOOD_ROWS)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"macro")
    with pytest.raises(ImportRefused, match="宏"):
        import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert not Person.objects.exists()


def test_a_zip_bomb_is_refused_before_parsing(tmp_path, heyuan):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (300 * 1024 * 1024))
    with pytest.raises(ImportRefused, match="压缩炸弹"):
        import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)


def test_an_xml_entity_expansion_is_refused(tmp_path, heyuan):
    path = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><sst/>')
    with pytest.raises(ImportRefused, match="XML"):
        import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)


def test_an_oversized_file_is_refused(tmp_path, heyuan, settings):
    settings.HRSS_IMPORT_MAX_FILE_MB = 1
    path = tmp_path / "big.csv"
    path.write_bytes(b"a,b\n" * 400_000)
    with pytest.raises(ImportRefused, match="超过了 1 MB"):
        import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)


def test_too_many_rows_are_refused(tmp_path, heyuan, settings):
    settings.HRSS_IMPORT_MAX_ROWS = 2
    with pytest.raises(ImportRefused, match="超过 2 行"):
        import_ledger(write_xlsx(tmp_path / "l.xlsx", GOOD_ROWS), actor=None, village=heyuan[VILLAGE], today=TODAY)


def test_a_crash_half_way_keeps_every_saved_batch_and_no_half_row(tmp_path, heyuan, monkeypatch):
    from hrss.residents import imports

    monkeypatch.setattr(imports, "BATCH_SIZE", 2)
    rows = one_person_households(7)
    path = write_xlsx(tmp_path / "l.xlsx", rows)
    saved = []

    def crash_on_third_batch(result):
        saved.append(result.created)
        if len(saved) == 3:
            raise KeyboardInterrupt  # as if killed inside the third batch's transaction

    with pytest.raises(KeyboardInterrupt):
        import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY, progress=crash_on_third_batch)
    assert Person.objects.count() == 4, "the two committed batches stay, the third is rolled back whole"
    assert LabourStatusEvent.objects.count() == 4 and Household.objects.count() == 4
    resumed = import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert (resumed.created, resumed.unchanged) == (3, 4)
    assert Person.objects.count() == 7


def test_formulas_in_cells_are_kept_as_text(tmp_path, heyuan):
    rows = [[MAN_1980, "=HYPERLINK(\"http://x\")", "户主", "", "农业", "初中", "务农", ""]]
    import_ledger(write_csv(tmp_path / "l.csv", rows), actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert Person.objects.get().name.startswith("=HYPERLINK")


def test_an_excel_97_xls_file_is_read(tmp_path, heyuan):
    import xlwt

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("台账")
    for column, title in enumerate(HEADER):
        sheet.write(0, column, title)
    for row_index, row in enumerate(GOOD_ROWS, start=1):
        for column, value in enumerate(row):
            sheet.write(row_index, column, value)
    path = tmp_path / "ledger.xls"
    workbook.save(str(path))
    assert path.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    result = import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert (result.created, result.rejected) == (3, [])


# --- the second reading process used for large files -------------------------------------------------------


@pytest.fixture
def second_process(monkeypatch):
    from hrss.residents import imports

    monkeypatch.setattr(imports, "SECOND_PROCESS_MIN_BYTES", 0)
    monkeypatch.setattr(imports, "BATCH_SIZE", 2)


def test_a_second_reading_process_gives_the_same_result(tmp_path, heyuan, second_process):
    rows = [*GOOD_ROWS, ["123", "坏", "", "", "", "", "务农", ""], [make_id_number(sequence=71), "王五", "户主", "",
                                                                  "农业", "初中", "务农", ""]]
    result = import_ledger(write_xlsx(tmp_path / "l.xlsx", rows), actor=None, village=heyuan[VILLAGE], today=TODAY)
    assert (result.created, [(e.row, e.column) for e in result.rejected]) == (4, [(5, "公民身份号码")])
    assert result.rows_processed == 6
    assert Person.objects.count() == 4 and LabourStatusEvent.objects.count() == 4


def test_a_refusal_in_the_second_process_reaches_the_user(tmp_path, heyuan, second_process):
    path = write_csv(tmp_path / "l.csv", [["张三"]], header=["姓名"])
    with pytest.raises(ImportRefused, match="公民身份号码、就业状态"):
        import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)


def test_a_crash_while_writing_stops_the_reader_and_keeps_committed_batches(tmp_path, heyuan, second_process):
    import multiprocessing

    rows = one_person_households(9)
    path = write_xlsx(tmp_path / "l.xlsx", rows)
    saved = []

    def crash_on_second_batch(result):
        saved.append(result.created)
        if len(saved) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY, progress=crash_on_second_batch)
    assert Person.objects.count() == 2
    assert multiprocessing.active_children() == [], "the reading process is gone"


def test_the_row_count_for_the_progress_bar_is_read_without_reading_the_rows(tmp_path):
    from hrss.core.spreadsheets import estimate_rows

    assert estimate_rows(write_xlsx(tmp_path / "l.xlsx", GOOD_ROWS), "xlsx") == 4
    assert estimate_rows(write_csv(tmp_path / "l.csv", GOOD_ROWS), "csv") == 4


def test_columns_a_file_leaves_out_get_the_same_defaults_as_a_person_entered_by_hand(tmp_path, heyuan):
    # Bulk INSERTs leave out the columns a file does not give, and the database fills them (db_default).
    path = write_xlsx(tmp_path / "l.xlsx", [[MAN_1980, "张三", "务农"]], header=["公民身份号码", "姓名", "就业状态"])
    import_ledger(path, actor=None, village=heyuan[VILLAGE], today=TODAY)
    imported = Person.objects.get(id_number=MAN_1980)
    by_hand = Person(id_number=WOMAN_1982, name="李四", labour_status=LabourStatus.FARMING)
    left_out = [field for field in Person._meta.concrete_fields if field.has_db_default()]
    assert {"phone", "work_capacity", "version", "wants_training"} <= {field.name for field in left_out}
    assert {field.name: getattr(imported, field.attname) for field in left_out} == {
        field.name: getattr(by_hand, field.attname) for field in left_out}
    assert LabourStatusEvent.objects.get(person=imported).note == ""


def test_a_batch_reaches_the_writer_process_unchanged(heyuan):
    import pickle

    from hrss.core.tabular import Batch
    from hrss.residents.models import WorkCapacity

    plain = Batch(("id_number", "name"), [(2, (MAN_1980, "张三")), (3, (WOMAN_1982, "李四"))])
    with_choice = Batch(("id_number", "work_capacity"), [(2, (MAN_1980, WorkCapacity.FULL))])
    for batch in (plain, with_choice):
        copy = pickle.loads(pickle.dumps(batch))
        assert (copy.fields, copy.rows) == (batch.fields, batch.rows)
