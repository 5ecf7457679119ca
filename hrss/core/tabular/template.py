"""The template of an import, made from its Spec: the header row, the columns Excel must keep as typed formatted
as text, a drop-down list on every coded column (its values on a 可选值 sheet), and a sheet explaining the columns."""

import io

from django.core.exceptions import FieldDoesNotExist
from django.db import models

TEMPLATE_ROWS = 20000  # rows given the drop-down lists (a large village has a few thousand people)


def lists_from_model(spec, model, extra=None):
    """{column header: the values to pick from} for every coded column: the labels of the choices of the `model`
    field the column fills, 是/否 for a yes/no field, or `extra` ({field: values}) for a column that fills no
    single field. A coded column added to the spec later gets its list without more code."""
    extra = extra or {}
    lists = {}
    for column in spec.columns:
        if column.field in extra:
            lists[column.header] = [str(label) for label in extra[column.field]]
            continue
        try:
            model_field = model._meta.get_field(column.field)
        except FieldDoesNotExist:
            continue
        if model_field.choices:
            lists[column.header] = [str(label) for _value, label in model_field.flatchoices]
        elif isinstance(model_field, models.BooleanField):
            lists[column.header] = ["是", "否"]
    return lists


def _write_table(workbook, spec, sheet_name, lists, rows):
    import xlsxwriter.utility

    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    text = workbook.add_format({"num_format": "@"})
    sheet = workbook.add_worksheet(sheet_name)
    options = workbook.add_worksheet("可选值")
    list_column = 0
    for position, column in enumerate(spec.columns):
        header = column.header
        sheet.write_string(0, position, header, bold)
        sheet.set_column(position, position, 20 if column.text else max(10, len(header) * 2 + 2),
                         text if column.text else None)
        if header in lists:
            values = lists[header]
            options.write_string(0, list_column, header, bold)
            for row, value in enumerate(values, start=1):
                options.write_string(row, list_column, value)
            letter = xlsxwriter.utility.xl_col_to_name(list_column)
            sheet.data_validation(1, position, rows, position, {
                "validate": "list", "source": f"='可选值'!${letter}$2:${letter}${len(values) + 1}",
                "error_type": "warning", "error_title": "不是列表中的值",
                "error_message": f"请从下拉列表中选择“{header}”。选“是”保留所填内容，导入时会核对。",
            })
            list_column += 1
    sheet.freeze_panes(1, 0)
    options.set_column(0, max(list_column - 1, 0), 16)
    return sheet


def template_xlsx(spec, *, sheet_name, lists, notes, rows=TEMPLATE_ROWS):
    """The template as .xlsx bytes. `lists`: {header: values} (see lists_from_model); `notes`: [column, 说明]
    rows of the 填写说明 sheet."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
    _write_table(workbook, spec, sheet_name, lists, rows)
    explained = workbook.add_worksheet("填写说明")
    explained.set_column(0, 0, 24)
    explained.set_column(1, 1, 100)
    for row, cells in enumerate([["列", "说明"], *notes]):
        explained.write_row(row, 0, cells)
    workbook.close()
    return buffer.getvalue()
