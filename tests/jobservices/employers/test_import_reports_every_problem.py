"""A bad row of the vacancy list is reported with all its problems in one pass: a cell the reading refuses (an
unknown occupation, education, date or place) does not hide the row's other problems until the next upload."""

import pytest

from hrss.jobservices.employers import services
from hrss.jobservices.models import Vacancy
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db

HEADER = "岗位名称,职业,招聘人数,月薪下限,月薪上限,最低文化程度,年龄下限,年龄上限,性别要求,开始招聘日期,工作地点区划代码\n"


def problems_of(tmp_path, village_assistant, employer, line):
    path = tmp_path / "岗位.csv"
    path.write_text(HEADER + line + "\n", encoding="utf-8")
    result = services.import_vacancies(actor=village_assistant, employer=employer, path=str(path), today=TODAY)
    assert result.created == [] and not Vacancy.objects.exists()
    return {error.column: error.reason for error in result.rejected}


@pytest.mark.parametrize("bad_cell, column", [
    ({"职业": "会搬东西的人"}, "职业"),
    ({"最低文化程度": "博士后"}, "最低文化程度"),
    ({"开始招聘日期": "明天"}, "开始招聘日期"),
    ({"工作地点区划代码": "999999999999"}, "工作地点区划代码"),
])
def test_a_refused_cell_comes_with_the_row_s_other_problems(tmp_path, village_assistant, employer, bad_cell, column):
    cells = {"岗位名称": "", "职业": "4-01-02-03", "招聘人数": "0", "月薪下限": "4000", "月薪上限": "3000",
             "最低文化程度": "", "年龄下限": "14", "年龄上限": "70", "性别要求": "限女性", "开始招聘日期": "",
             "工作地点区划代码": "", **bad_cell}
    problems = problems_of(tmp_path, village_assistant, employer, ",".join(cells[key] for key in HEADER.strip().split(",")))
    assert column in problems
    assert problems["岗位名称"] == "请填写岗位名称。"
    assert problems["招聘人数"] == "招聘人数应在1至9999之间。"
    assert problems["月薪上限"] == "月薪上限（3000元）不能低于下限（4000元）。"
    assert "不能低于16周岁" in problems["年龄下限"]
    assert "法定退休年龄" in problems["年龄上限"]
    assert "就业促进法第二十七条" in problems["性别要求的法定依据"]


def test_a_refused_occupation_is_reported_once(tmp_path, village_assistant, employer):
    path = tmp_path / "岗位.csv"
    path.write_text("岗位名称,职业,招聘人数\n搬运工,会搬东西的人,x\n", encoding="utf-8")
    result = services.import_vacancies(actor=village_assistant, employer=employer, path=str(path), today=TODAY)
    assert sorted((error.column, error.reason) for error in result.rejected) == [
        ("招聘人数", "“x”应为整数。"), ("职业", "职业分类大典中没有代码或名称为“会搬东西的人”的职业。")]
