"""The agency's retiree list: each row names a person of the ledger by ID number and name; a row whose name differs
from the ledger's, whose person is not there, or who is registered already, is refused with its row, column and
reason, and the good rows are registered."""

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from hrss.pensions.models import Retiree, RetireeState
from hrss.pensions.retirees import imports, services
from hrss.residents.models import LabourStatus
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE
from tests.pensions.retirees.conftest import make_person, make_retiree


def csv_for(rows):
    header = "公民身份号码,姓名,原工作单位,退休日期,月养老金\n"
    return header + "".join(",".join(str(cell) for cell in row) + "\n" for row in rows)


def write(tmp_path, text):
    path = tmp_path / "退休人员.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_wrong_name_is_refused_on_its_row_the_others_are_registered(tmp_path, heyuan, village_assistant,
                                                                      neighbour_village_assistant):
    right = make_person(village_assistant, "陈正确")
    wrong = make_person(village_assistant, "林真名")
    elsewhere = make_person(neighbour_village_assistant, "邻村人", village=NEIGHBOUR_VILLAGE)
    already = make_retiree(village_assistant, "已登记").person
    careless = make_person(village_assistant, "马虎")
    text = csv_for([
        (right.id_number, "陈正确", "河源市纺织厂", "2018-06-30", "3120.50"),  # row 2
        (wrong.id_number, "林假名", "河源市纺织厂", "2018-06-30", "3000"),  # row 3: the name differs
        (elsewhere.id_number, "邻村人", "河源市纺织厂", "2018-06-30", "3000"),  # row 4: not in 下城社区
        (already.id_number, "已登记", "河源市纺织厂", "2018-06-30", "3000"),  # row 5: registered
        (right.id_number, "陈正确", "河源市纺织厂", "2018-06-30", "3120.50"),  # row 6: again in the file
        (careless.id_number, "马虎", "", f"{TODAY.year + 1}-01-01", "很多"),  # row 7: three cells wrong
    ])
    result = services.import_retirees(actor=village_assistant, region=heyuan[VILLAGE], path=write(tmp_path, text))
    assert [retiree.person.name for retiree in result.created] == ["陈正确"]
    by_row = {}
    for error in result.rejected:
        by_row.setdefault(error.row, []).append((error.column, error.reason))
    assert sorted(by_row) == [3, 4, 5, 6, 7]
    assert by_row[3] == [("姓名", "姓名“林假名”与人员台账中该公民身份号码的姓名“林真名”不符，请核对后重新导入该行。")]
    assert by_row[4][0][0] == "公民身份号码" and "人员台账中没有该公民身份号码" in by_row[4][0][1]
    assert "不能重复登记" in by_row[5][0][1]
    assert "与第2行的公民身份号码重复" in by_row[6][0][1]
    assert {column for column, _reason in by_row[7]} == {"原工作单位", "退休日期", "月养老金"}
    assert not Retiree.objects.filter(person=wrong).exists()
    registered = Retiree.objects.get(person=right)
    assert registered.state == RetireeState.NOT_MANAGED and str(registered.pension_amount) == "3120.50"
    right.refresh_from_db()
    assert right.labour_status == LabourStatus.RETIRED


def test_the_page_lists_the_refused_rows_and_offers_them_as_xlsx(client, heyuan, village_assistant):
    wrong = make_person(village_assistant, "林真名")
    client.force_login(village_assistant)
    page = client.get("/pensions/retirees/import/")
    assert page.status_code == 200 and "下载模板" in page.content.decode()
    text = csv_for([(wrong.id_number, "林假名", "河源市纺织厂", "2018-06-30", "3000")])
    upload = SimpleUploadedFile("退休人员.csv", text.encode("utf-8"), content_type="text/csv")
    body = client.post("/pensions/retirees/import/", {"region": VILLAGE, "file": upload}).content.decode()
    assert "已登记 0 名退休人员" in body and "林假名" in body and "<td>2</td>" in body
    errors = client.get("/pensions/retirees/import/errors.xlsx")
    rows = list(openpyxl.load_workbook(io.BytesIO(errors.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("行号", "列", "原因") and rows[1][:2] == (2, "姓名")


def test_the_template_has_the_columns():
    workbook = openpyxl.load_workbook(io.BytesIO(imports.template()))
    header = [cell.value for cell in next(workbook.active.iter_rows(max_row=1))]
    assert header[:5] == ["公民身份号码", "姓名", "原工作单位", "退休日期", "月养老金"]
