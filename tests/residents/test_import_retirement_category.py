"""人员身份 (干部/工人) is an import column, 工人 when empty, and the import's age checks use it: a woman of 52 is past
a worker's retirement age (50) but not a cadre's (55 and some months, born in 1972)."""

import datetime
import io

import openpyxl
import pytest

from hrss.residents.imports import import_ledger
from hrss.residents.models import Person
from tests.conftest import VILLAGE, login
from tests.residents.factories import make_id_number

HEADER = ["公民身份号码", "姓名", "就业状态", "人员身份（干部/工人）"]
# Born 1972-01-01: a worker retired in 2022-01, a cadre in 2027-08 (55 years and 7 months): between the two at any
# instant the suite runs at.
WOMAN_1972 = make_id_number(birth=datetime.date(1972, 1, 1), sequence=22)


def write(path, rows, header=HEADER):
    workbook = openpyxl.Workbook()
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


@pytest.mark.parametrize(("cell", "category"), [("干部", "cadre"), ("干部/管理岗", "cadre")])
def test_a_cadre_of_52_may_be_recorded_as_unemployed(tmp_path, heyuan, cell, category):
    result = import_ledger(write(tmp_path / "l.xlsx", [[WOMAN_1972, "刘芳", "失业", cell]]), actor=None,
                           village=heyuan[VILLAGE])
    assert (result.created, result.rejected) == (1, [])
    assert Person.objects.get().retirement_category == category


@pytest.mark.parametrize("cell", ["工人", ""])
def test_a_worker_of_52_is_past_retirement_age_and_the_row_says_so(tmp_path, heyuan, cell):
    result = import_ledger(write(tmp_path / "l.xlsx", [[WOMAN_1972, "刘芳", "失业", cell]]), actor=None,
                           village=heyuan[VILLAGE])
    assert result.created == 0
    assert [(error.row, error.column) for error in result.rejected] == [(2, "就业状态")]
    assert "已达到法定退休年龄" in result.rejected[0].reason


def test_without_the_column_everyone_is_a_worker(tmp_path, heyuan):
    path = write(tmp_path / "l.xlsx", [[WOMAN_1972, "刘芳", "务农"]], header=HEADER[:3])
    assert import_ledger(path, actor=None, village=heyuan[VILLAGE]).created == 1
    assert Person.objects.get().retirement_category == "worker"


def test_an_unknown_category_is_refused_with_the_choices(tmp_path, heyuan):
    result = import_ledger(write(tmp_path / "l.xlsx", [[WOMAN_1972, "刘芳", "务农", "领导"]]), actor=None,
                           village=heyuan[VILLAGE])
    assert result.rejected[0].column == "人员身份（干部/工人）" and "干部" in result.rejected[0].reason


def test_a_second_import_changes_the_category(tmp_path, heyuan):
    import_ledger(write(tmp_path / "a.xlsx", [[WOMAN_1972, "刘芳", "务农", "工人"]]), actor=None,
                  village=heyuan[VILLAGE])
    again = import_ledger(write(tmp_path / "b.xlsx", [[WOMAN_1972, "刘芳", "务农", "干部"]]), actor=None,
                          village=heyuan[VILLAGE])
    assert again.updated == 1 and Person.objects.get().retirement_category == "cadre"


def test_the_template_has_the_column(client, heyuan, village_assistant):
    data = login(client, village_assistant).get("/residents/import/template.xlsx").content
    header = [cell.value for cell in openpyxl.load_workbook(io.BytesIO(data)).worksheets[0][1]]
    assert "人员身份（干部/工人）" in header
