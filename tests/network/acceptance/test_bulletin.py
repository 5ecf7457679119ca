"""通报: the month's bulletin per county (offices, meeting every rule, accepted, items open and overdue, milestone
progress), ranked, as a PDF with the embedded CJK font and as an .xlsx; both downloads audited."""

import datetime
import io

import openpyxl

from hrss.core.models import AuditEntry, Level, Region
from hrss.network.acceptance import bulletin, services
from tests.conftest import TODAY, login
from tests.network.acceptance.conftest import findings_as_recorded
from tests.network.acceptance.test_milestones import accept

DAY = datetime.timedelta(days=1)
MONTH = f"{TODAY:%Y-%m}"


def offices_in(code_prefix):
    return Region.objects.filter(level__in=[Level.TOWNSHIP, Level.VILLAGE], is_active=True,
                                 code__startswith=code_prefix).count()


def test_the_accepted_county_ranks_first_with_its_figures(office, tina, county_officer, city_admin,
                                                            neighbour_office):
    accept(office, tina, county_officer, city_admin)
    report = bulletin.bulletin(city_admin, TODAY.year, TODAY.month, TODAY)
    assert report.as_of == TODAY and len(report.lines) == 6
    first = report.lines[0]
    assert (first.rank, first.region.name) == (1, "源城区")
    assert (first.offices, first.meeting, first.accepted, first.items_open, first.items_overdue) == (
        offices_in("441602"), 1, 1, 0, 0)
    zijin = next(line for line in report.lines if line.region.name == "紫金县")
    assert (zijin.rank, zijin.meeting, zijin.accepted) == (2, 1, 0)  # meets every rule, not accepted


def test_open_and_overdue_items_at_the_months_end(office, county_officer, city_admin):
    services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY - 40 * DAY,
                               findings=findings_as_recorded(office, TODAY - 40 * DAY), today=TODAY)
    line = next(x for x in bulletin.bulletin(city_admin, TODAY.year, TODAY.month, TODAY).lines
                if x.region.name == "源城区")
    assert (line.items_open, line.items_overdue, line.meeting) == (1, 1, 0)


def test_the_xlsx_holds_the_ranked_table_and_its_download_is_audited(client, office, tina, county_officer,
                                                                      city_admin):
    accept(office, tina, county_officer, city_admin)
    login(client, city_admin)
    response = client.get("/network/bulletin/xlsx/", {"month": MONTH})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["通报"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0].startswith(f"全市乡镇（街道）人力资源社会保障公共服务平台建设进展情况通报（{TODAY.year}年{TODAY.month}月）")
    assert rows[1][:8] == ["排名", "县(区)", "服务机构数", "八统一达标", "已通过验收", "验收率(%)", "未完成整改", "逾期整改"]
    assert rows[2][:8] == [1, "源城区", offices_in("441602"), 1, 1, round(100 / offices_in("441602")), 0, 0]
    assert rows[2][9] == f"0/{offices_in('441602')}"  # every office by 2012-09-30: none on time
    assert rows[-1][1] == "合计" and rows[-1][4] == 1
    entry = AuditEntry.objects.get(action="network.acceptance.bulletin_exported")
    assert entry.actor == city_admin and entry.after["bulletin_month"] == MONTH


def test_the_pdf_embeds_its_font_and_its_download_is_audited(client, city_admin):
    login(client, city_admin)
    response = client.get("/network/bulletin/pdf/", {"month": MONTH})
    pdf = response.content
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert pdf.startswith(b"%PDF") and b"/FontFile2" in pdf and b"WenQuanYiMicroHei" in pdf
    assert b"/Helvetica" not in pdf
    assert "inline" in response["Content-Disposition"]
    assert AuditEntry.objects.filter(action="network.acceptance.bulletin_printed", actor=city_admin).count() == 1


def test_the_page_picks_a_month_and_refuses_one_not_begun(client, city_admin):
    login(client, city_admin)
    page = client.get("/network/bulletin/", {"month": MONTH}).content.decode()
    assert 'data-testid="bulletin-table"' in page and page.count('data-testid="bulletin-row"') == 6
    # a phone's blocks: each county's rank and name, each figure under its heading, the total last
    assert page.count('data-testid="bulletin-card"') == 7 and "第1名" in page
    assert '<dt class="col-7 fw-normal text-muted">服务机构数</dt>' in page
    assert f'type="month" id="b-month" name="month" value="{MONTH}" min="2011-11" max="{TODAY:%Y-%m}"' in page
    following = (TODAY.replace(day=1) + 32 * DAY).strftime("%Y-%m")
    refused = client.get("/network/bulletin/", {"month": following}, follow=True).content.decode()
    assert "尚未开始，不能通报" in refused


def test_a_past_month_counts_what_stood_at_its_end(office, tina, county_officer, city_admin):
    accept(office, tina, county_officer, city_admin)
    before = TODAY.replace(day=1) - DAY
    line = next(x for x in bulletin.bulletin(city_admin, before.year, before.month, TODAY).lines
                if x.region.name == "源城区")
    assert line.accepted == 0  # accepted on TODAY, after that month's end


def test_the_bulletin_opens_on_the_last_completed_month(client, city_admin):
    login(client, city_admin)
    last = TODAY.replace(day=1) - DAY
    page = client.get("/network/bulletin/").content.decode()
    assert f"（{last.year}年{last.month}月）" in page and f'value="{last:%Y-%m}"' in page


def test_the_pdf_keeps_names_and_headings_on_one_line_and_the_milestones_narrow(city_admin):
    """The user trial: "源城 / 区", "排/名" wrapped and the two milestone columns took 45% of the width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from hrss.core.pdf import cjk_font

    report = bulletin.bulletin(city_admin, TODAY.year, TODAY.month, TODAY)
    widths = bulletin.column_widths(report)
    font, padding = cjk_font(), 12  # the table's cell padding, 6 points a side
    head = bulletin.header(report)
    assert len(widths) == len(head)
    for heading, width in zip(head[:8], widths[:8], strict=True):
        assert stringWidth(heading, font, 8) + padding <= width, heading
    for line in report.lines:
        assert stringWidth(line.region.name, font, 8) + padding <= widths[1], line.region.name
    assert sum(widths[8:]) / sum(widths) < 0.35
    assert bulletin.pdf(report, issuer="河源市人力资源和社会保障局").startswith(b"%PDF")
