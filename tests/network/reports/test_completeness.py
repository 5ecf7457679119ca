"""Completeness and timeliness per county and month as DHIS2 shows them: expected = the county's townships,
submitted (上报 or approved), on time = first submitted by the deadline (the 5th working day of the next month,
holidays and 调休 counted), completeness and timeliness in % of the expected."""

import datetime
from decimal import Decimal

import pytest

from hrss.core.dates import add_months
from hrss.core.models import Level, Region
from hrss.network.reports import rules, selectors, services
from tests.conftest import CITY, COUNTY, NEIGHBOUR_COUNTY, NEIGHBOUR_TOWNSHIP, TODAY, TOWNSHIP, login
from tests.network.reports.conftest import bearer, submitted_report

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
MONTH = add_months(TODAY.replace(day=1), -2)  # its deadline has passed at every clock the suite runs at


def test_the_deadline_is_the_fifth_working_day_across_the_labour_day_holiday():
    # 2026: 1–5 May off, Saturday 9 May a working day (国务院办公厅 arrangement): 6, 7, 8, 9 and 11 May.
    assert rules.deadline_of(datetime.date(2026, 4, 1)) == datetime.date(2026, 5, 11)
    # An ordinary month: June 2026 → 1, 2, 3, 6, 7 July (Sat 4 and Sun 5 off).
    assert rules.deadline_of(datetime.date(2026, 6, 1)) == datetime.date(2026, 7, 7)


def test_a_deadline_in_a_year_without_its_holiday_arrangement_is_pending():
    assert rules.deadline_of(datetime.date(2099, 12, 1)) is None
    row = selectors.Row(region=None, expected=2, submitted=1, on_time=0, deadline=None)
    assert (row.completeness, row.timeliness) == (Decimal("50.0"), None)


@pytest.fixture
def county_townships(heyuan):
    return [region for region in Region.objects.filter(parent__code=COUNTY, level=Level.TOWNSHIP, is_active=True)
            .order_by("code")]


def test_on_the_deadline_is_on_time_and_the_day_after_is_late(heyuan, make_user, county_townships):
    from hrss.core.permissions import Role

    deadline = rules.deadline_of(MONTH)
    shangcheng, xinjiang, third = (heyuan[TOWNSHIP], heyuan[NEIGHBOUR_TOWNSHIP],
                                   next(t for t in county_townships if t.code not in (TOWNSHIP, NEIGHBOUR_TOWNSHIP)))
    people = {}
    for town in (shangcheng, xinjiang, third):
        people[town.code] = (make_user(f"o{town.code}", town.code, Role.TOWNSHIP_OFFICER),
                             make_user(f"r{town.code}", town.code, Role.TOWNSHIP_REVIEWER))
    submitted_report(shangcheng, *people[shangcheng.code], month=MONTH, on=deadline)
    submitted_report(xinjiang, *people[xinjiang.code], month=MONTH, on=deadline + DAY)
    services.generate_report(actor=people[third.code][0], township=third, month=MONTH)  # generated, not submitted

    rows = {row.region.code: row for row in selectors.completeness(heyuan[COUNTY], MONTH)}
    assert set(rows) == {town.code for town in county_townships}
    assert (rows[shangcheng.code].submitted, rows[shangcheng.code].on_time) == (1, 1)
    assert (rows[xinjiang.code].submitted, rows[xinjiang.code].on_time) == (1, 0)
    assert (rows[third.code].submitted, rows[third.code].on_time) == (0, 0)
    total = selectors.total(heyuan[COUNTY], list(rows.values()))
    expected = len(county_townships)
    assert (total.expected, total.submitted, total.on_time) == (expected, 2, 1)
    assert total.completeness == (Decimal(200) / expected).quantize(Decimal("0.1"))
    assert total.timeliness == (Decimal(100) / expected).quantize(Decimal("0.1"))
    assert [t.code for t in total.late] == [xinjiang.code]
    assert shangcheng.code not in {t.code for t in total.missing} and third.code in {t.code for t in total.missing}

    city_rows = {row.region.code: row for row in selectors.completeness(heyuan[CITY], MONTH)}
    assert len(city_rows) == 6  # Heyuan's six counties
    county = city_rows[COUNTY]
    assert (county.expected, county.submitted, county.on_time) == (expected, 2, 1)
    neighbour = city_rows[NEIGHBOUR_COUNTY]
    assert neighbour.submitted == 0 and neighbour.expected == len(neighbour.missing) > 0
    assert neighbour.completeness == Decimal("0.0")
    city = selectors.total(heyuan[CITY], list(city_rows.values()))
    assert city.expected == Region.objects.filter(parent__parent__code=CITY, level=Level.TOWNSHIP,
                                                  is_active=True).count()


def test_percentages_are_rounded_half_up_to_one_decimal():
    assert selectors.percent(1, 3) == Decimal("33.3")
    assert selectors.percent(2, 3) == Decimal("66.7")
    assert selectors.percent(1, 8) == Decimal("12.5")
    assert selectors.percent(0, 0) is None


def test_the_completeness_page_and_its_download(client, heyuan, county_officer, township_officer, make_user):
    from hrss.core.permissions import Role

    reviewer = make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)
    submitted_report(heyuan[TOWNSHIP], township_officer, reviewer, month=MONTH, on=rules.deadline_of(MONTH) + DAY)
    login(client, county_officer)
    page = client.get("/network/reports/completeness/", {"month": f"{MONTH:%Y-%m}"}).content.decode()
    assert 'data-testid="completeness-row-441602001000"' in page
    late = page.split('data-testid="completeness-late"')[1].split("</p>")[0]
    assert "源城区·上城街道" in late
    missing = page.split('data-testid="completeness-missing"')[1].split("</p>")[0]
    assert missing.count("源城区·") == missing.count("、") + 1  # each township with its county
    response = client.get("/network/reports/completeness/", {"month": f"{MONTH:%Y-%m}", "format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = [[cell.value for cell in row] for row in book["完整率与及时率"].iter_rows()]
    shangcheng = next(row for row in rows if row[0] == "上城街道")
    assert shangcheng[1:4] == [1, 1, 0]
    listed = [[cell.value for cell in row] for row in book["逾期和未报"].iter_rows()]
    assert ["源城区", "上城街道", "逾期上报"] in listed


def test_the_api_answers_the_same_figures(client, heyuan, county_officer):
    response = client.get("/api/v1/network/reports/completeness", {"month": f"{MONTH:%Y-%m}"},
                          headers=bearer(county_officer))
    assert response.status_code == 200
    body = response.json()
    assert body["total"]["submitted"] == 0 and body["total"]["expected"] == len(body["rows"])
    assert body["deadline"] == rules.deadline_of(MONTH).isoformat()
