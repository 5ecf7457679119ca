"""An exported .xlsx opens readable on an old PC: each column as wide as its header and first rows (a Chinese
character counting two), capped, and the heading rows frozen (the first row, or the first two under a 台账's title)."""

import io

import openpyxl

from hrss.core.spreadsheets import WIDEST, xlsx_bytes


def opened(sheets):
    return openpyxl.load_workbook(io.BytesIO(xlsx_bytes(sheets))).worksheets[0]


def test_columns_fit_their_text_and_the_header_row_is_frozen():
    sheet = opened([("名单", ["姓名", "公民身份号码", "备注"],
                     [["张三", "441602********1234", "x" * 200], ["欧阳建国", "441602********5678", ""]])])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 10  # 欧阳建国: four characters, eight columns' room
    assert sheet.column_dimensions["B"].width >= 18
    assert sheet.column_dimensions["C"].width <= WIDEST + 1  # a long note is capped, not 200 wide


def test_under_a_title_row_the_title_and_the_header_are_frozen():
    sheet = opened([("认证台账", ["认证台账（源城区，2026年12月07日）"],
                     [["村(社区)", "姓名", "公民身份号码"], ["下城社区", "王大爷", "441602********1234"]])])
    assert sheet.freeze_panes == "A3"
    assert sheet.column_dimensions["A"].width < 30  # the long title does not widen the first column
    assert sheet["A1"].value.startswith("认证台账") and sheet["B2"].value == "姓名"


def test_dates_and_amounts_are_written_as_dates_and_numbers_a_reader_can_sort_and_sum():
    """A 台账 opened on an old PC shows 2026-12-07, not 46363, and its amounts sum; an instant is in local time."""
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    instant = datetime.datetime(2026, 12, 7, 1, 30, tzinfo=datetime.UTC)  # 09:30 in Heyuan
    sheet = opened([("台账", ["日期", "金额", "时间"], [[datetime.date(2026, 12, 7), Decimal("12800.50"), instant]])])
    day, amount, when = sheet["A2"], sheet["B2"], sheet["C2"]
    assert day.value == datetime.datetime(2026, 12, 7) and day.number_format == "yyyy-mm-dd"
    assert amount.value == 12800.5 and amount.number_format == "#,##0.00"
    assert when.value == timezone.localtime(instant).replace(tzinfo=None) and when.number_format == "yyyy-mm-dd hh:mm"
