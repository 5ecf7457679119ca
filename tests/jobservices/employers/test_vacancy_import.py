"""An employer's vacancy list arrives as a spreadsheet: the good rows are saved, each bad row is reported with its
row, column and reason, on the page and as an .xlsx."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hrss.core.models import AuditEntry
from hrss.jobservices.employers import imports, services
from hrss.jobservices.models import Vacancy
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, TODAY

pytestmark = pytest.mark.django_db

CSV = (
    "岗位名称,职业,招聘人数,月薪下限,月薪上限,性别要求,开始招聘日期\n"
    f"收银员,4-01-02-04,2,2800,3500,,{TODAY:%Y-%m-%d}\n"  # row 2: a code
    "营业员,商品营业员,3,,,不限,\n"  # row 3: an exact name, no date (today)
    "搬运工,会搬东西的人,1,,,,\n"  # row 4: no such occupation
    "夜班理货,4-01-02-03,2,4000,3000,,\n"  # row 5: wages reversed
    "井下工,6,1,,,限男性,\n"  # row 6: a sex requirement without a reason
    ",4-01,x,,,,\n"  # row 7: no title, headcount not a number
)


def write(tmp_path, text):
    path = tmp_path / "岗位.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_good_rows_are_saved_and_bad_rows_reported(tmp_path, village_assistant, employer):
    result = services.import_vacancies(actor=village_assistant, employer=employer, path=write(tmp_path, CSV),
                                       today=TODAY)
    assert sorted(vacancy.title for vacancy in result.created) == ["收银员", "营业员"]
    saved = Vacancy.objects.get(title="营业员")
    assert saved.occupation_code == "4-01-02-03" and saved.opens_on == TODAY and saved.headcount == 3
    errors = {(error.row, error.column): error.reason for error in result.rejected}
    assert errors[(4, "职业")] == "职业分类大典中没有代码或名称为“会搬东西的人”的职业。"
    assert errors[(5, "月薪上限")] == "月薪上限（3000元）不能低于下限（4000元）。"
    assert "就业促进法第二十七条" in errors[(6, "性别要求的法定依据")]
    assert errors[(7, "招聘人数")] == "“x”应为整数。"
    assert {row for row, _column in errors} == {4, 5, 6, 7}
    entry = AuditEntry.objects.get(action="jobservices.vacancies.imported")
    assert entry.after == {"created": 2, "rejected": 4}


def test_a_place_of_work_outside_scope_is_a_bad_row(tmp_path, village_assistant, employer):
    text = f"岗位名称,职业,招聘人数,工作地点区划代码\n收银员,4-01-02-04,1,{NEIGHBOUR_COUNTY_VILLAGE}\n"
    result = services.import_vacancies(actor=village_assistant, employer=employer, path=write(tmp_path, text),
                                       today=TODAY)
    assert result.created == [] and result.rejected[0].column == "工作地点区划代码"
    assert "不在您的管辖范围内" in result.rejected[0].reason


def test_a_file_without_the_required_columns_is_refused_whole(tmp_path, village_assistant, employer):
    from hrss.core.tabular import ImportRefused

    with pytest.raises(ImportRefused, match="表头缺少必填列"):
        services.import_vacancies(actor=village_assistant, employer=employer, path=write(tmp_path, "名称\n收银员\n"))


def test_the_template_has_the_columns_and_drop_downs():
    workbook = openpyxl.load_workbook(io.BytesIO(imports.template()))
    sheet = workbook["岗位空缺"]
    assert [cell.value for cell in sheet[1]][:3] == ["岗位名称", "职业", "招聘人数"]
    assert sheet.data_validations.dataValidation  # 最低文化程度 and 性别要求 are picked from lists
    assert "填写说明" in workbook.sheetnames


def test_the_upload_page_shows_each_bad_row_and_offers_them_as_xlsx(client, village_assistant, employer):
    client.force_login(village_assistant)
    page = client.get(f"/jobservices/employers/{employer.pk}/vacancies/import/")
    assert page.status_code == 200 and "下载模板" in page.content.decode()
    upload = SimpleUploadedFile("岗位.csv", CSV.encode("utf-8"), content_type="text/csv")
    response = client.post(f"/jobservices/employers/{employer.pk}/vacancies/import/", {"file": upload})
    body = response.content.decode()
    assert response.status_code == 200 and "已导入 2 个岗位" in body
    assert "会搬东西的人" in body and "<td>7</td>" in body
    errors = client.get("/jobservices/vacancies/import-errors.xlsx")
    rows = list(openpyxl.load_workbook(io.BytesIO(errors.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("行号", "列", "原因") and (4, "职业", "职业分类大典中没有代码或名称为“会搬东西的人”的职业。") in rows
