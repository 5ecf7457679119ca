import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hrss.core.models import AuditEntry
from hrss.residents import services
from hrss.residents.models import ImportJob, LabourStatus, Person
from tests.conftest import TODAY, TOWNSHIP, VILLAGE
from tests.residents.factories import MAN_1980, WOMAN_1982
from tests.residents.test_import_ledger import GOOD_ROWS, HEADER


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def zhang(heyuan, village_assistant):
    return services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三", village=heyuan[VILLAGE],
                                    status=LabourStatus.FARMING, status_since=datetime.date(2024, 1, 1))[0]


def test_the_ledger_shows_masked_id_numbers(zhang, village_assistant):
    html = client_for(village_assistant).get("/residents/").content.decode()
    assert "张三" in html and "441602********0117"[:6] in html
    assert MAN_1980 not in html


def test_a_township_officer_drills_down_from_township_to_person(zhang, township_officer):
    client = client_for(township_officer)
    township = client.get("/residents/").content.decode()
    assert "下城社区" in township
    village = client.get("/residents/", {"region": VILLAGE}).content.decode()
    assert "张三" in village
    assert client.get(f"/residents/{zhang.pk}/").status_code == 200


def test_search_by_last_digits(zhang, village_assistant):
    html = client_for(village_assistant).get("/residents/", {"q": MAN_1980[-4:]}).content.decode()
    assert "张三" in html
    html = client_for(village_assistant).get("/residents/", {"q": "李"}).content.decode()
    assert "张三" not in html and "没有符合条件的人员" in html


def test_recording_a_status_change_from_the_page(zhang, village_assistant):
    client = client_for(village_assistant)
    response = client.post(f"/residents/{zhang.pk}/status/", {"status": "migrant", "detail": "out_of_province",
                                                             "effective_date": TODAY.isoformat()}, follow=True)
    assert f"已记录 {TODAY:%Y-%m-%d} 起的转移就业（省外）。" in response.content.decode()
    assert "转移就业（省外）" in response.content.decode()


def test_an_impossible_change_is_explained(zhang, village_assistant):
    response = client_for(village_assistant).post(f"/residents/{zhang.pk}/status/", {
        "status": "migrant", "effective_date": TODAY.isoformat()}, follow=True)
    assert "转移就业须注明去向" in response.content.decode()


def test_a_stale_form_does_not_overwrite(zhang, village_assistant, township_officer):
    data = {"name": "张三", "work_capacity": "full", "retirement_category": "worker", "phone": "139", "version": "1"}
    client_for(village_assistant).post(f"/residents/{zhang.pk}/edit/", data)
    response = client_for(township_officer).post(f"/residents/{zhang.pk}/edit/", {**data, "phone": "137"}, follow=True)
    assert "已被他人修改" in response.content.decode()
    assert Person.objects.get(pk=zhang.pk).phone == "139"


def test_revealing_the_full_number_is_audited(zhang, village_assistant):
    response = client_for(village_assistant).post(f"/residents/{zhang.pk}/reveal/", {"reason": "核对"})
    assert MAN_1980 in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    assert AuditEntry.objects.filter(action="residents.id_number.revealed", subject_id_number=MAN_1980).count() == 1


def test_a_province_viewer_cannot_reveal(zhang, province_viewer):
    assert client_for(province_viewer).post(f"/residents/{zhang.pk}/reveal/", {"reason": "x"}).status_code == 403


def test_registering_a_person_from_the_page(heyuan, village_assistant):
    response = client_for(village_assistant).post("/residents/new/", {
        "village": VILLAGE, "id_number": WOMAN_1982, "name": "李四", "status": "farming", "work_capacity": "full",
        "retirement_category": "worker", "relation_to_head": "head"}, follow=True)
    assert "已登记：李四" in response.content.decode()


def test_statistics_count_and_link_to_the_people(zhang, city_admin):
    html = client_for(city_admin).get("/residents/statistics/").content.decode()
    assert "源城区" in html
    assert "?region=441600000000&status=farming" in html


def test_export_totals_and_no_formulas(heyuan, village_assistant):
    services.register_person(actor=village_assistant, id_number=MAN_1980, name="=1+1", village=heyuan[VILLAGE],
                             status=LabourStatus.FARMING)
    response = client_for(village_assistant).get("/residents/export.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    people, totals = workbook["人员台账"], workbook["分村汇总"]
    assert people.cell(2, 3).value == "'=1+1"
    assert all(cell.data_type != "f" for sheet in workbook for row in sheet.iter_rows() for cell in row)
    assert people.cell(2, 2).value == "441602********0117"[:6] + "********" + MAN_1980[-4:]
    assert [c.value for c in totals[2]][:3] == ["上城街道", "下城社区", 1]
    assert AuditEntry.objects.filter(action="residents.ledger.exported").count() == 1


def xlsx_upload(rows, name="下城社区台账.xlsx"):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_uploading_a_ledger_runs_the_import_and_reports(heyuan, village_assistant, settings, tmp_path,
                                                        django_capture_on_commit_callbacks):
    settings.HRSS_IMPORT_DIR = tmp_path
    client = client_for(village_assistant)
    bad = ["123", "坏", "", "", "", "", "务农", ""]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/residents/import/", {"file": xlsx_upload([*GOOD_ROWS, bad]), "village_code": VILLAGE})
    job = ImportJob.objects.get()
    assert response.url == f"/residents/import/{job.pk}/"
    assert (job.status, job.created, len(job.rejected)) == ("done", 3, 1)
    page = client.get(response.url).content.decode()
    assert "应为18位" in page
    report = openpyxl.load_workbook(io.BytesIO(client.get(f"/residents/import/{job.pk}/errors.xlsx").content)).active
    assert [c.value for c in report[2]][:2] == [5, "公民身份号码"]
    assert list(tmp_path.iterdir()) == [], "the upload is deleted when its job ends"
    # Written by the background worker, the audit entry still names where the upload came from.
    entry = AuditEntry.objects.get(action="residents.ledger.imported")
    assert (entry.ip_address, bool(entry.request_id)) == ("127.0.0.1", True)


def test_a_refused_upload_is_explained_and_nothing_kept(heyuan, village_assistant, settings, tmp_path):
    settings.HRSS_IMPORT_DIR = tmp_path
    response = client_for(village_assistant).post("/residents/import/", {
        "file": SimpleUploadedFile("x.xlsx", b"%PDF-1.4 not a spreadsheet"), "village_code": VILLAGE})
    assert "不是表格" in response.content.decode()
    assert not ImportJob.objects.exists() and list(tmp_path.iterdir()) == []


def test_a_township_file_with_village_codes(heyuan, township_officer, settings, tmp_path,
                                            django_capture_on_commit_callbacks):
    settings.HRSS_IMPORT_DIR = tmp_path
    workbook = openpyxl.Workbook()
    workbook.active.append([*HEADER, "村(社区)代码"])
    workbook.active.append([*GOOD_ROWS[0], VILLAGE])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(township_officer).post("/residents/import/", {"file": SimpleUploadedFile("t.xlsx", buffer.getvalue())})
    assert Person.objects.get().region_code == VILLAGE
    assert ImportJob.objects.get().region_code == TOWNSHIP


def test_a_zero_employment_household_is_pending_work_for_the_village(heyuan, village_assistant):
    services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三", village=heyuan[VILLAGE],
                             status=LabourStatus.UNEMPLOYED, relation_to_head="head")
    html = client_for(village_assistant).get("/").content.decode()
    assert "台账显示为零就业的家庭" in html


def test_the_import_page_preselects_the_assistants_village(heyuan, village_assistant):
    html = client_for(village_assistant).get("/residents/import/").content.decode()
    assert f'<option value="{VILLAGE}" selected>' in html
