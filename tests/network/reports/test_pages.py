"""The township's pages: its reports with the month picker, a report's figures grouped by area and part with the
acts its state allows, the .xlsx download, and the pending work on the home page."""

import io

import openpyxl
import pytest

from hrss.core.pending import pending_work_for
from hrss.network.models import MonthlyReport
from tests.conftest import login
from tests.network.reports.conftest import LAST_MONTH

pytestmark = pytest.mark.django_db


def test_the_township_generates_from_its_list_and_sees_the_figures(client, township, township_officer):
    login(client, township_officer)
    page = client.get("/network/reports/").content.decode()
    assert 'data-testid="reports-generate"' in page and f'value="{LAST_MONTH:%Y-%m}"' in page
    response = client.post("/network/reports/generate/", {"region": township.code, "month": f"{LAST_MONTH:%Y-%m}"})
    report = MonthlyReport.objects.get(region_code=township.code, month=LAST_MONTH)
    assert response["Location"] == f"/network/reports/{report.pk}/"
    page = client.get(response["Location"]).content.decode()
    figures = page.split('data-testid="report-figures"')[1].split("</table>")[0]
    assert "平台建设与考核" in figures and "月报" in figures and "上月月报已上报" in figures
    assert 'data-testid="report-check"' not in page  # the reviewer checks
    assert 'data-testid="report-remarks-form"' in page and "重新生成" in page
    listed = client.get("/network/reports/").content.decode()
    assert f'data-testid="report-row-{township.code}-{LAST_MONTH:%Y-%m}"' in listed


def test_the_reviewer_checks_and_the_officer_submits_on_the_page(client, generated, township_officer, reviewer):
    login(client, reviewer)
    assert 'data-testid="report-check"' in client.get(f"/network/reports/{generated.pk}/").content.decode()
    client.post(f"/network/reports/{generated.pk}/act/", {"act": "check"})
    login(client, township_officer)
    page = client.get(f"/network/reports/{generated.pk}/").content.decode()
    assert 'data-testid="report-submit"' in page
    client.post(f"/network/reports/{generated.pk}/act/", {"act": "submit"})
    report = MonthlyReport.objects.get(pk=generated.pk)
    assert report.state == MonthlyReport.State.SUBMITTED and report.submitted_by == township_officer


def test_a_return_without_a_reason_is_refused_on_the_page(client, submitted, approver):
    login(client, approver)
    response = client.post(f"/network/reports/{submitted.pk}/act/", {"act": "return", "return-reason": ""})
    assert response.status_code == 400 and "请填写理由" in response.content.decode()
    assert MonthlyReport.objects.get(pk=submitted.pk).state == MonthlyReport.State.SUBMITTED


def test_the_report_downloads_as_xlsx(client, generated, township_officer):
    login(client, township_officer)
    response = client.get(f"/network/reports/{generated.pk}/", {"format": "xlsx"})
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = [[cell.value for cell in row] for row in book["月报"].iter_rows()]
    assert ["业务领域", "项目", "统计项", "数值"] in rows
    assert any(row[:3] == ["平台建设与考核", "月报", "上月月报已上报"] for row in rows)
    history = [[cell.value for cell in row] for row in book["操作记录"].iter_rows()]
    assert any(row[1] == "生成" for row in history)


def test_pending_work_the_report_due_and_the_reports_to_approve(township_officer, approver, submitted):
    officer_items = pending_work_for(township_officer)
    assert not [item for item in officer_items if item.title == "待生成、核对或上报的月报"]  # last month submitted
    items = [item for item in pending_work_for(approver) if item.title == "待审核的乡镇(街道)月报"]
    assert [item.count for item in items] == [1]


def test_pending_work_shows_last_months_report_due(township_officer):
    items = [item for item in pending_work_for(township_officer) if item.title == "待生成、核对或上报的月报"]
    assert [item.count for item in items] == [1]
