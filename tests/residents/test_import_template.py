"""The ledger's import template keeps ID numbers as typed and offers a list for every coded column, and every
value it offers is one the importer takes."""

import io

import openpyxl
import pytest
from django.test import Client

from hrss.residents.imports import COLUMNS, import_ledger
from hrss.residents.models import Person
from hrss.residents.reports import template_lists
from tests.conftest import VILLAGE
from tests.residents.factories import make_id_number


@pytest.fixture
def template(heyuan, village_assistant):
    client = Client()
    client.force_login(village_assistant)
    response = client.get("/residents/import/template.xlsx")
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def column_letters(sheet):
    return {cell.value: cell.column_letter for cell in sheet[1]}


def drop_downs(workbook):
    """{column header: the values its list offers}, read from the workbook as Excel would."""
    sheet, options = workbook["劳动力资源台账"], workbook["可选值"]
    letters = {letter: header for header, letter in column_letters(sheet).items()}
    found = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list"
        first = str(validation.sqref).split(":")[0]
        source = validation.formula1.split("!")[1].replace("$", "")
        found[letters[first.rstrip("0123456789")]] = [cell.value for row in options[source] for cell in row]
    return found


def test_the_id_and_code_columns_are_text(template):
    sheet = template["劳动力资源台账"]
    letters = column_letters(sheet)
    for header in ("公民身份号码", "户主公民身份号码", "村(社区)代码", "联系电话"):
        assert sheet.column_dimensions[letters[header]].number_format == "@", header
    assert sheet.column_dimensions[letters["姓名"]].number_format == "General"


def test_every_coded_column_has_a_drop_down(template):
    lists = drop_downs(template)
    assert lists["就业状态"][:3] == ["单位就业", "灵活就业", "务农"]
    assert lists["与户主关系"][0] == "户主"
    assert "省外" in lists["转移去向或灵活就业形式"] and "钟点工" in lists["转移去向或灵活就业形式"]
    assert lists["培训意愿"] == ["是", "否"]
    # Any column filling a Person field with choices (or a yes/no field) gets one, also a column added later.
    for column in COLUMNS:
        field = next((f for f in Person._meta.fields if f.name == column.field), None)
        if field is not None and (field.choices or field.get_internal_type() == "BooleanField"):
            assert column.header in lists, column.header
    assert "公民身份号码" not in lists and "姓名" not in lists


def test_every_value_offered_is_taken_by_the_importer(template, tmp_path, heyuan, village_assistant):
    sheet = template["劳动力资源台账"]
    headers = [cell.value for cell in sheet[1]]
    base = {"姓名": "测试", "与户主关系": "户主", "就业状态": "务农"}
    rows, sequence = [], 1
    for header, values in template_lists().items():
        for value in values:
            row = dict(base, 公民身份号码=make_id_number(sequence=sequence))
            row[header] = value
            if header == "转移去向或灵活就业形式":  # a destination goes with 转移就业, a form with 灵活就业
                row["就业状态"] = "转移就业" if value in ("县内", "县外省内", "省外") else "灵活就业"
            rows.append(row)
            sequence += 2
    for row in rows:
        sheet.append([row.get(header, "") for header in headers])
    path = tmp_path / "模板.xlsx"
    template.save(path)
    result = import_ledger(path, actor=village_assistant, village=heyuan[VILLAGE], dry_run=True)
    refused = [error for error in result.rejected if "不是可选" in error.reason or "应填“是”或“否”" in error.reason]
    assert refused == []
    assert result.rows_read == len(rows)
