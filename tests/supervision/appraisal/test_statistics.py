"""The area's statistics page shows last month's work of the offices of each region below (the 考核 page's default
month, which a figure opens), the late among it, and the region's own office as its own row."""

import datetime

from django.test import Client

from hrss.core.dates import add_months
from hrss.core.models import Region
from hrss.supervision.appraisal import figures
from tests.conftest import COUNTY, TODAY, TOWNSHIP
from tests.supervision.appraisal.conftest import on


def test_last_months_work_per_region(intake, move, township_reviewer, county_officer, clock, heyuan):
    last_month = add_months(TODAY.replace(day=1), -1)
    opened = last_month.replace(day=2)
    case = intake(opened)
    move(case, township_reviewer, opened + datetime.timedelta(days=20))  # past the township's five working days
    township, county = Region.objects.get(code=TOWNSHIP), Region.objects.get(code=COUNTY)
    assert figures.handled(county_officer, county, TODAY) == 2  # the village's intake and the township's review
    assert figures.late(county_officer, county, TODAY) == 1
    assert figures.handled(county_officer, township, TODAY) == 2
    assert figures.handled(county_officer, township, add_months(TODAY, 2)) == 0
    on(clock, TODAY)
    client = Client()
    client.force_login(county_officer)
    page = client.get("/supervision/statistics/").content.decode()
    assert "上月办理件数" in page and f"/supervision/appraisal/?region={TOWNSHIP}" in page


def test_the_statistics_download_holds_the_page_figures(intake, move, township_reviewer, county_officer, clock, heyuan):
    """A city or county officer with a meeting takes the page as .xlsx: a sheet a part under a title naming the
    region and the day, the same figures as the page (the township's row, the total), the download audited."""
    import io

    import openpyxl

    from hrss.core.models import AuditEntry

    last_month = add_months(TODAY.replace(day=1), -1)
    opened = last_month.replace(day=2)
    move(intake(opened), township_reviewer, opened + datetime.timedelta(days=20))
    on(clock, TODAY)
    client = Client()
    client.force_login(county_officer)
    page = client.get("/supervision/statistics/").content.decode()
    assert "format=xlsx" in page
    response = client.get("/supervision/statistics/", {"format": "xlsx"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book[[name for name in book.sheetnames if "考核" in name][0]]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == f"信访监察统计（源城区，截至{TODAY:%Y年%m月%d日}）"
    header = rows[1]
    assert header[0] == "区域" and "上月办理件数" in header
    handled = header.index("上月办理件数")
    by_region = {row[0]: row for row in rows[2:]}
    township_name = Region.objects.get(code=TOWNSHIP).name
    assert by_region[township_name][handled] == 2 and by_region["合计"][handled] == 2
    assert AuditEntry.objects.filter(action="core.statistics.exported", actor=county_officer).count() == 1
