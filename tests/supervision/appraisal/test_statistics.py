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
