"""What the user trial found on the 考核 pages, as a user checks it: the 有时限的 count is on the page (按时率 = 按时 ÷
有时限的), the default month (the previous one) says when it is empty and links this month, an office rated but
without handled cases is scored on satisfaction only, an upheld complaint (查实 or 部分查实) takes points off, the
export's 说明 says the weights are the city's configuration (never "[believed]" nor 依据待核实), and the breadcrumbs start at 信访监察."""

import datetime
import io
import re

import openpyxl
from django.test import Client

from hrss.supervision.ratings import services as ratings
from tests.conftest import SHANGHAI, TODAY, TOWNSHIP, VILLAGE
from tests.supervision.appraisal.conftest import DUE, OPENED

OCTOBER = {"month": "2023-10"}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def row_cells(page, testid):
    row = page.split(f'data-testid="{testid}"')[1].split("</tr>")[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]


def rate_village(score, day, reason="", source_id="1"):
    code = ratings.issue_code(region_code=VILLAGE, service="失业登记", source="review", source_id=source_id,
                              served_by=None, completed_on=day)
    return ratings.rate(code=code.code, score=score, reason=reason,
                        now=datetime.datetime.combine(day, datetime.time(10), tzinfo=SHANGHAI))


def test_the_timed_count_is_on_the_page_so_handled_minus_timed_is_understood(intake, move, township_reviewer,
                                                                             county_officer):
    move(intake(OPENED, "失业登记：准时办"), township_reviewer, DUE)
    move(intake(OPENED, "失业登记：逾期办"), township_reviewer, datetime.date(2023, 10, 9))
    page = logged_in(county_officer).get("/supervision/appraisal/", {"region": TOWNSHIP, **OCTOBER}).content.decode()
    assert "有时限的</th>" in page
    cells = row_cells(page, f"appraisal-office-{TOWNSHIP}")
    assert cells[2:7] == ["2", "2", "1", "1", "50.0%"]  # 办理件数, 有时限的, 按时, 逾期, 按时率
    assert "按时率 = 按时 ÷ 有时限的" in page


def test_an_empty_default_month_says_so_and_links_this_month(township_officer):
    client = logged_in(township_officer)
    page = client.get("/supervision/appraisal/").content.decode()
    hint = page.split('data-testid="appraisal-empty-month"')[1].split("</div>")[0]
    assert "没有任何办理、评价或投诉记录" in hint and f"month={TODAY:%Y-%m}" in hint
    chosen = client.get("/supervision/appraisal/", {"month": (TODAY.replace(day=1) - datetime.timedelta(days=1))
                                                    .strftime("%Y-%m")}).content.decode()
    assert "appraisal-empty-month" not in chosen  # a month chosen on purpose is shown as it is
    staff = client.get("/supervision/appraisal/staff/").content.decode()
    assert "appraisal-empty-month" in staff


def test_an_office_rated_without_handled_cases_is_scored_on_satisfaction_and_an_upheld_complaint_costs(
        heyuan, township_officer, county_officer):
    day = datetime.date(2023, 10, 10)
    rate_village(5, day, source_id="1")
    client = logged_in(township_officer)
    page = client.get("/supervision/appraisal/", {"region": TOWNSHIP, **OCTOBER}).content.decode()
    cells = row_cells(page, f"appraisal-office-{VILLAGE}")
    assert cells[2] == "0" and cells[-1] == "100.0"  # nothing handled, one 非常满意: scored on satisfaction only
    complaint = ratings.record_complaint(actor=county_officer, office_code=VILLAGE, origin="phone", text="态度差",
                                         received_on=day, today=day)
    ratings.reply_complaint(actor=township_officer, complaint=complaint, reply="经核实属实，已批评教育",
                            outcome="upheld", today=day)
    page = client.get("/supervision/appraisal/", {"region": TOWNSHIP, **OCTOBER}).content.decode()
    cells = row_cells(page, f"appraisal-office-{VILLAGE}")
    assert cells[-2] == "1（1）" and cells[-1] == "95.0"  # 5 points off for the upheld complaint
    unfounded = ratings.record_complaint(actor=county_officer, office_code=VILLAGE, origin="phone", text="又投诉",
                                         received_on=day, today=day)
    ratings.reply_complaint(actor=township_officer, complaint=unfounded, reply="经核实不属实", outcome="unfounded",
                            today=day)
    cells = row_cells(client.get("/supervision/appraisal/", {"region": TOWNSHIP, **OCTOBER}).content.decode(),
                      f"appraisal-office-{VILLAGE}")
    assert cells[-2] == "2（1）" and cells[-1] == "95.0"  # 不属实 costs nothing
    assert "只按满意率计分" in page and "每件查实或部分查实的投诉扣 5 分" in page


def test_a_complaint_alone_is_no_data_and_the_page_says_why(heyuan, township_officer, county_officer):
    day = datetime.date(2023, 10, 10)
    ratings.record_complaint(actor=county_officer, office_code=VILLAGE, origin="phone", text="态度差", received_on=day,
                             today=day)
    page = logged_in(township_officer).get("/supervision/appraisal/", {"region": TOWNSHIP, **OCTOBER}).content.decode()
    row = page.split(f'data-testid="appraisal-office-{VILLAGE}"')[1].split("</tr>")[0]
    assert 'title="当月没有办理事项，也没有评价，无法计分">无数据' in row
    assert "既没有办理事项也没有评价的显示“无数据”" in page


def test_the_export_says_the_weights_are_the_citys_configuration_and_never_believed(intake, move, township_reviewer,
                                                                      county_officer):
    move(intake(OPENED), township_reviewer, DUE)
    client = logged_in(county_officer)
    response = client.get("/supervision/appraisal/export/", {"region": TOWNSHIP, **OCTOBER})
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = [str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if cell.value is not None]
    assert not [cell for cell in cells if "[believed]" in cell]
    notes = {row[0].value: row[1].value for row in book["说明"].iter_rows()}
    assert "各项权重和扣分是市人社局设定的考核配置" in notes["依据"] and "待核实" not in notes["依据"]
    assert "查实或部分查实" in notes["权重"] and "尚未登记" not in notes["权重"]
    assert "其中查实" in cells
    page = client.get("/supervision/appraisal/", {"region": TOWNSHIP, **OCTOBER}).content.decode()
    assert "[believed]" not in page and "待核实" not in page and "市人社局设定的考核配置" in page


def test_the_breadcrumbs_start_at_the_area_home(county_officer, township_officer):
    client = logged_in(county_officer)
    crumb = '<a href="/supervision/">信访监察</a> › '
    for path in ("/supervision/appraisal/", "/supervision/statistics/"):
        page = client.get(path).content.decode()
        assert crumb in page and "信访监察与服务监督</a>" not in page
    complaint = ratings.record_complaint(actor=county_officer, office_code=VILLAGE, origin="phone", text="态度差",
                                         received_on=TODAY, today=TODAY)
    page = logged_in(township_officer).get(f"/supervision/complaints/{complaint.pk}/").content.decode()
    assert '<nav class="small mb-2"><a href="/supervision/">信访监察</a> › ' in page
    assert crumb in client.get("/supervision/complaints/new/").content.decode()
