"""The .xlsx/.xls reader behind every import (hrss.core.spreadsheets.iter_rows), run with both libraries it can use:
python-calamine-plus (the default, streams .xlsx) and upstream python-calamine (the fallback, HRSS_XLSX_READER=calamine,
ADR 0004). Switching reader must not change what an import sees."""

import datetime
import os
import subprocess
import sys
import zipfile

import openpyxl
import pytest
import xlsxwriter

from hrss.core.spreadsheets import Limits, SpreadsheetRefused, check_file, iter_rows

READERS = ["calamine-plus", "calamine"]
LIMITS = Limits(max_file_bytes=50 * 1024 * 1024, max_uncompressed_bytes=500 * 1024 * 1024, max_rows=1_000_000)


@pytest.fixture(params=READERS)
def reader(request, settings):
    settings.HRSS_XLSX_READER = request.param
    return request.param


def read(path, limits=LIMITS):
    return list(iter_rows(path, check_file(path, limits), limits))


def openpyxl_file(path, cells):
    """An .xlsx as Excel writes it (shared strings), with {"C3": value} cells."""
    workbook = openpyxl.Workbook()
    for reference, value in cells.items():
        workbook.active[reference] = value
    workbook.save(path)
    return path


# A table that starts at C3, as a township's ledger often does (a title above, a margin to the left).
TABLE = {
    "C3": "公民身份号码", "D3": "人数", "E3": "月薪", "F3": "招用日期", "G3": "在校",
    "C4": "441602198001010012", "D4": 3, "E4": 4500.5, "F4": datetime.date(2026, 3, 1), "G4": True,
    "C5": "李四", "E5": 0, "G5": False,
}
EXPECTED = [
    (1, []),
    (2, []),
    (3, ["", "", "公民身份号码", "人数", "月薪", "招用日期", "在校"]),
    (4, ["", "", "441602198001010012", 3, 4500.5, datetime.date(2026, 3, 1), True]),
    (5, ["", "", "李四", "", 0, "", False]),
]


def without_trailing_blanks(rows):
    """Rows as a person reads them: trailing empty cells do not show (a reader may pad rows to the sheet's width)."""
    trimmed = []
    for number, row in rows:
        row = list(row)
        while row and row[-1] in ("", None):
            row.pop()
        trimmed.append((number, row))
    return trimmed


def test_an_xlsx_is_read_with_excels_row_numbers_and_columns(tmp_path, reader):
    rows = read(openpyxl_file(tmp_path / "t.xlsx", TABLE))
    assert without_trailing_blanks(rows) == EXPECTED


def test_whole_numbers_are_int_and_keep_their_type_with_either_reader(tmp_path, reader):
    rows = read(openpyxl_file(tmp_path / "t.xlsx", TABLE))
    assert [type(cell) for cell in rows[3][1][3:7]] == [int, float, datetime.date, bool]


def test_inline_strings_of_a_streaming_writer_are_read(tmp_path, reader):
    path = tmp_path / "inline.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})  # writes inline strings, row by row
    sheet = workbook.add_worksheet()
    sheet.write_row(1, 1, ["姓名", "人数"])
    sheet.write_row(2, 1, ["张三", 2])
    workbook.close()
    assert b"inlineStr" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert without_trailing_blanks(read(path)) == [(1, []), (2, ["", "姓名", "人数"]), (3, ["", "张三", 2])]


def test_the_first_sheet_is_read_whatever_its_file_is_called(tmp_path, reader):
    path = tmp_path / "t.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "不是这张"
    first = workbook.create_sheet("台账", 0)  # the first tab is stored as sheet2.xml
    first["A1"] = "台账"
    workbook.save(path)
    assert read(path) == [(1, ["台账"])]


def test_an_excel_97_xls_is_read_with_excels_row_numbers_and_columns(tmp_path, reader):
    import xlwt

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("台账")
    for column, value in enumerate(["公民身份号码", "人数", "月薪"], start=2):
        sheet.write(2, column, value)
    for column, value in enumerate(["441602198001010012", 3, 4500.5], start=2):
        sheet.write(3, column, value)
    path = tmp_path / "t.xls"
    workbook.save(str(path))
    assert without_trailing_blanks(read(path)) == [
        (1, []), (2, []),
        (3, ["", "", "公民身份号码", "人数", "月薪"]),
        (4, ["", "", "441602198001010012", 3, 4500.5]),
    ]


def test_rows_past_the_limit_are_refused(tmp_path, reader):
    path = openpyxl_file(tmp_path / "t.xlsx", {"A1": "表头", "A2": 1, "A3": 2, "A4": 3})
    limits = Limits(max_file_bytes=LIMITS.max_file_bytes, max_uncompressed_bytes=LIMITS.max_uncompressed_bytes,
                    max_rows=2)
    with pytest.raises(SpreadsheetRefused, match="超过 2 行的上限；请分成几个文件上传"):
        read(path, limits)


def test_a_damaged_workbook_is_refused_with_what_to_do(tmp_path, reader):
    path = openpyxl_file(tmp_path / "t.xlsx", TABLE)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut off in the middle of the sheet
            target.writestr(entry, data)
    with pytest.raises(SpreadsheetRefused, match="无法读取该 Excel 文件.*请用 Excel 另存后再上传"):
        read(damaged)


def test_two_far_apart_cells_are_refused_before_the_whole_sheet_reader_loads_them(tmp_path, settings):
    # One cell in A1 and one in Z900000: 23,400,000 cells of range (about 1.7 GB in a whole-sheet reader), in a file
    # of a few kilobytes (dimastbk/python-calamine#130).
    settings.HRSS_XLSX_READER = "calamine"
    path = openpyxl_file(tmp_path / "far.xlsx", {"A1": "表头", "Z900000": "x"})
    assert path.stat().st_size < 10_000
    with pytest.raises(SpreadsheetRefused, match="表格范围过大（900000 行 × 26 列"):
        read(path)


def test_the_setting_chooses_the_library(tmp_path, reader, monkeypatch):
    import python_calamine
    import python_calamine_plus

    other = python_calamine_plus if reader == "calamine" else python_calamine

    def unused(*args, **kwargs):
        raise AssertionError(f"HRSS_XLSX_READER={reader} must not use {other.__name__}")

    monkeypatch.setattr(other.CalamineWorkbook, "from_path", unused)
    assert without_trailing_blanks(read(openpyxl_file(tmp_path / "t.xlsx", TABLE))) == EXPECTED


def test_an_unknown_reader_stops_the_server_at_start_with_the_allowed_values():
    environment = {**os.environ, "HRSS_XLSX_READER": "openpyxl", "HRSS_SECRET_KEY": "x" * 50}
    started = subprocess.run([sys.executable, "-c", "import hrss.settings"], env=environment,
                             capture_output=True, text=True)
    assert started.returncode != 0
    assert "HRSS_XLSX_READER must be calamine-plus or calamine, not 'openpyxl'" in started.stderr
