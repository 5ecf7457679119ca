"""Spreadsheets the ledger hands out: the import template, the rejected-rows report, the ledger export."""

import io

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from hrss.core.spreadsheets import write_xlsx, xlsx_bytes
from hrss.residents.imports import COLUMNS, TEMPLATE_HEADERS
from hrss.residents.models import FlexibleForm, MigrantDestination, Person

TEMPLATE_EXAMPLE = [
    ["441621198001010017", "陈某某", "户主", "", "农业", "初中", "转移就业", "省外", "2026-03-01", "13800000000",
     "完全劳动能力", "电工", "是", "是", "否", ""],
]


# Columns Excel must keep as typed: an 18-digit number in a General cell becomes 4.41621E+17 and loses its last
# digits, a code or a phone number loses its leading zeros.
TEXT_FIELDS = {"id_number", "head_id_number", "village_code", "phone"}
# A coded column whose values are not the choices of one field of Person.
LISTS_BY_FIELD = {
    "status_detail": [*MigrantDestination.labels, *FlexibleForm.labels],
}
TEMPLATE_ROWS = 20000  # rows given the drop-down lists (a large village has a few thousand people)


def template_lists():
    """{column header: the values to pick from} for every coded column of the template: the labels of the choices
    of the Person field the column fills, 是/否 for a yes/no field, or LISTS_BY_FIELD."""
    lists = {}
    for column in COLUMNS:
        if column.field in LISTS_BY_FIELD:
            lists[column.header] = [str(label) for label in LISTS_BY_FIELD[column.field]]
            continue
        try:
            field = Person._meta.get_field(column.field)
        except FieldDoesNotExist:
            continue
        if field.choices:
            lists[column.header] = [str(label) for _value, label in field.flatchoices]
        elif isinstance(field, models.BooleanField):
            lists[column.header] = ["是", "否"]
    return lists


def text_headers():
    return [column.header for column in COLUMNS if column.field in TEXT_FIELDS]


def _ledger_template(workbook):
    import xlsxwriter.utility

    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    text = workbook.add_format({"num_format": "@"})
    sheet = workbook.add_worksheet("劳动力资源台账")
    options = workbook.add_worksheet("可选值")
    lists, texts = template_lists(), set(text_headers())
    list_column = 0
    for position, header in enumerate(TEMPLATE_HEADERS):
        sheet.write_string(0, position, header, bold)
        sheet.set_column(position, position, 20 if header in texts else max(10, len(header) * 2 + 2),
                         text if header in texts else None)
        if header in lists:
            values = lists[header]
            options.write_string(0, list_column, header, bold)
            for row, value in enumerate(values, start=1):
                options.write_string(row, list_column, value)
            letter = xlsxwriter.utility.xl_col_to_name(list_column)
            sheet.data_validation(1, position, TEMPLATE_ROWS, position, {
                "validate": "list", "source": f"='可选值'!${letter}$2:${letter}${len(values) + 1}",
                "error_type": "warning", "error_title": "不是列表中的值",
                "error_message": f"请从下拉列表中选择“{header}”。选“是”保留所填内容，导入时会核对。",
            })
            list_column += 1
    sheet.freeze_panes(1, 0)
    options.set_column(0, max(list_column - 1, 0), 16)
    return sheet


def template_xlsx():
    """The import template: the header row, the ID and code columns formatted as text, a drop-down list on every
    coded column (its values on the 可选值 sheet), and a sheet explaining each column."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
    _ledger_template(workbook)
    notes = workbook.add_worksheet("填写说明")
    notes.set_column(0, 0, 24)
    notes.set_column(1, 1, 100)
    for row, cells in enumerate([["列", "说明"], *_template_notes()]):
        notes.write_row(row, 0, cells)
    workbook.close()
    return buffer.getvalue()


def _template_notes():
    return [
        ["公民身份号码", "必填。18位（旧15位亦可）。本列已设为“文本”格式，请勿改为“常规”或“数值”，否则末几位会丢失；"
         "从其他表格粘贴时请用“选择性粘贴 → 值”。"],
        ["姓名", "必填。"],
        ["就业状态", "必填，从下拉列表中选择：" + "、".join(template_lists().get("就业状态", []))],
        ["转移去向或灵活就业形式", "转移就业填：县内、县外省内、省外；灵活就业填：钟点工、临时工、个体摊贩、网络平台、自由职业、个体经营、其他。"],
        ["与户主关系", "从下拉列表中选择。"],
        ["户主公民身份号码", "非户主须填写，用于归户；户主可不填。文本格式，同公民身份号码。"],
        ["村(社区)代码", "一个文件含多个村(社区)时填写12位代码；否则在导入时选择村(社区)。文本格式。"],
        ["下拉列表", "带下拉箭头的列请从列表中选择；可选值见“可选值”工作表。"],
        ["示例", "、".join(TEMPLATE_EXAMPLE[0][:9])],
    ]


def rejected_rows_xlsx(rejected, target=None):
    sheets = [("未导入的行", ["行号", "列", "原因"], ([error["row"], error["column"], error["reason"]] for error in rejected))]
    if target is not None:
        return write_xlsx(target, sheets)
    return xlsx_bytes(sheets)
