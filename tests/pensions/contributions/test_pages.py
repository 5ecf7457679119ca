"""The pages as a village assistant sees them, and 404 for the neighbour village on every page of 下城社区's data."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from hrss.pensions.contributions import services
from hrss.pensions.models import ContributionImport, UnmatchedPayment
from tests.conftest import TODAY, VILLAGE, login

PAID = (TODAY - datetime.timedelta(days=2)).isoformat()


@pytest.fixture
def imported(payer, village_assistant, csv_file):
    job, _ = services.import_file(csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "P1"),
                                            (payer.id_number, "王冒名", TODAY.year, "600", PAID, "P2")]),
                                  actor=village_assistant, source="bank")
    return job


def test_upload_runs_the_import_and_shows_the_result(client, payer, village_assistant,
                                                     django_capture_on_commit_callbacks):
    login(client, village_assistant)
    content = (f"公民身份号码,姓名,缴费年度,缴费金额,到账日期,票据号/流水号\n"
               f"{payer.id_number},{payer.name},{TODAY.year},600,{PAID},U1\n"
               f"{payer.id_number},错名,{TODAY.year},600,{PAID},U2\n").encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pensions:contributions-import-new"), {
            "source": "bank", "region": VILLAGE, "file": SimpleUploadedFile("银行代扣.csv", content)})
    job = ContributionImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("pensions:contributions-import",
                                                                           args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "已完成" in page and "错名" in page and "姓名与台账" in page
    assert payer.id_number not in page  # masked
    again = client.post(reverse("pensions:contributions-import-new"), {
        "source": "bank", "region": VILLAGE, "file": SimpleUploadedFile("又一次.csv", content)}, follow=True)
    assert "已导入过，本次未做任何改动" in again.content.decode()
    assert ContributionImport.objects.count() == 1


def test_unmatched_download_masks_id_numbers(client, imported, payer, village_assistant):
    login(client, village_assistant)
    response = client.get(reverse("pensions:contributions-import-unmatched", args=[imported.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "王冒名" in values and payer.id_number not in values


def test_ledger_lists_paid_and_unpaid_with_balance_and_exports(client, imported, payer, make_person,
                                                                village_assistant):
    unpaid = make_person("孙未缴", serial=331)
    login(client, village_assistant)
    page = client.get(reverse("pensions:contributions-ledger")).content.decode()
    assert payer.name in page and unpaid.name in page and "660.00" in page
    only_unpaid = client.get(reverse("pensions:contributions-ledger"), {"paid": "no"}).content.decode()
    assert unpaid.name in only_unpaid and payer.name not in only_unpaid
    response = client.get(reverse("pensions:contributions-ledger-export"))
    cells = [cell for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
             for cell in row if cell]
    assert payer.name in cells and payer.id_number not in cells


def test_account_page_panel_and_resolve(client, imported, payer, village_assistant):
    login(client, village_assistant)
    page = client.get(reverse("pensions:contributions-account", args=[payer.pk])).content.decode()
    assert "660.00" in page and "依据待核实" in page
    person_page = client.get(reverse("residents:person-detail", args=[payer.pk])).content.decode()
    assert 'data-testid="contributions-panel"' in person_page
    row = UnmatchedPayment.objects.get()
    response = client.post(reverse("pensions:contributions-unmatched-resolve", args=[row.pk]),
                           {"resolution": "已退款"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.resolution == "已退款" and row.resolved_by == village_assistant


def test_statistics_figures(client, imported, village_assistant):
    login(client, village_assistant)
    page = client.get(reverse("pensions:statistics")).content.decode()
    for label in ("本年已缴费人数", "本年未缴费的参保人", "未匹配缴费行"):
        assert label in page


def test_the_neighbour_village_gets_404_everywhere(client, imported, payer, neighbour_village_assistant):
    login(client, neighbour_village_assistant)
    row = UnmatchedPayment.objects.get()
    for url in (reverse("pensions:contributions-import", args=[imported.pk]),
                reverse("pensions:contributions-import-unmatched", args=[imported.pk]),
                reverse("pensions:contributions-unmatched-resolve", args=[row.pk]),
                reverse("pensions:contributions-account", args=[payer.pk]),
                reverse("pensions:contributions-arrears", args=[payer.pk]),
                reverse("pensions:contributions-ledger") + f"?region={VILLAGE}",
                reverse("pensions:contributions-ledger-export") + f"?region={VILLAGE}",
                reverse("pensions:contributions-unmatched") + f"?region={VILLAGE}",
                reverse("pensions:contributions-imports") + f"?region={VILLAGE}"):
        assert client.get(url).status_code == 404, url
    own = client.get(reverse("pensions:contributions-ledger")).content.decode()
    assert payer.name not in own


def test_a_file_without_the_columns_fails_with_what_to_fix(client, village_assistant,
                                                           django_capture_on_commit_callbacks):
    login(client, village_assistant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pensions:contributions-import-new"), {
            "source": "bank", "region": VILLAGE, "file": SimpleUploadedFile("缺列.csv", "姓名,金额\n张三,600\n".encode())})
    job = ContributionImport.objects.get()
    assert job.status == "failed" and "表头缺少必填列" in job.message
    assert "表头缺少必填列" in client.get(response["Location"]).content.decode()
