"""平台总览: the city's map is drawn from the project's own boundaries, coloured by figures that match counts made by
hand from the offices' stored standing; the table beside each chart holds the chart's numbers; a county's townships
are a bar chart (no township boundaries) with the same figures; a county user cannot see another county."""

import datetime
import io
import json
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core import audit, scoping
from hrss.core.models import Level, Region
from hrss.network.activity import refresh
from hrss.network.dashboard import selectors
from hrss.network.models import Office, OfficeStanding
from tests.conftest import (
    COUNTY,
    NEIGHBOUR_COUNTY,
    NEIGHBOUR_COUNTY_TOWNSHIP,
    SHANGHAI,
    TODAY,
    TOWNSHIP,
    VILLAGE,
    login,
)

pytestmark = pytest.mark.django_db

GEO = "network/geo/441600_wgs84.json"


def attribute(page, testid, name):
    tag = page.split(f'data-testid="{testid}"', 1)[1].split(">", 1)[0]
    return tag.split(f'{name}="', 1)[1].split('"', 1)[0]


def metric_table(page):
    """{region name: the value cell's number (None for 未统计)} of the table beside the chart."""
    table = page.split('data-testid="dashboard-metric-table"', 1)[1].split("</table>", 1)[0]
    out = {}
    for row in table.split("<tr data-testid=")[1:]:
        name = row.split("</a>", 1)[0].rsplit(">", 1)[1] if "</a>" in row.split("</td>", 1)[0] else \
            row.split("</td>", 1)[0].rsplit(">", 1)[1]
        value = row.split('data-value="', 1)[1].split('"', 1)[0]
        out[name] = float(value) if value else None
    return out


def standing(code, *, failing=0, unknown=0):
    office = Office.objects.create(region_code=code)
    OfficeStanding.objects.create(office=office, ok=10 - failing - unknown, failing=failing, unknown=unknown,
                                  computed_on=TODAY)


@pytest.fixture
def yuancheng_offices(heyuan):
    """In 源城区: three offices meeting every rule, two with a failing rule, one with a rule not recorded; in 紫金县
    one office meeting every rule. Every other office (no Office row) is unknown."""
    villages = list(Region.objects.filter(level=Level.VILLAGE, parent__code=TOWNSHIP).order_by("code")
                    .values_list("code", flat=True))
    for code in (TOWNSHIP, villages[0], villages[1]):
        standing(code)
    standing(villages[2], failing=2)
    standing(villages[3], failing=1, unknown=1)
    standing(villages[4], unknown=3)
    standing(NEIGHBOUR_COUNTY_TOWNSHIP)


def offices_under(code):
    region = Region.objects.get(code=code)
    return scoping.within_region(Region.objects.filter(is_active=True, level__in=(Level.TOWNSHIP, Level.VILLAGE)),
                                 region).count()


def test_the_map_reads_the_projects_own_boundaries(client, city_admin):
    page = login(client, city_admin).get("/network/dashboard/").content.decode()
    assert attribute(page, "dashboard-map", "data-geo") == "/" + settings.STATIC_URL.strip("/") + "/" + GEO
    found = Path(finders.find(GEO))
    assert found.is_relative_to(Path(settings.BASE_DIR))  # hrss/static, not the shared data beside the repository
    geo = json.loads(found.read_text(encoding="utf-8"))
    names = attribute(page, "dashboard-map", "data-names").split(",")
    assert sorted(feature["properties"]["name"] for feature in geo["features"]) == sorted(names)
    assert "WGS84" in geo["crs_note"]
    assert (found.parent / "README.md").read_text(encoding="utf-8").count("anzhou99/GeoJsons") == 1
    assert "<script>" not in page.split("<body", 1)[1]  # nothing inline (CSP): the chart script is a static file


def test_the_county_colour_and_figures_match_a_count_by_hand(client, city_admin, yuancheng_offices):
    page = login(client, city_admin).get("/network/dashboard/", {"metric": "standards"}).content.decode()
    yuancheng, zijin = offices_under(COUNTY), offices_under(NEIGHBOUR_COUNTY)
    expected = round(100 * 3 / yuancheng, 1)  # three offices of 源城区 meet every rule
    names = attribute(page, "dashboard-map", "data-names").split(",")
    values = attribute(page, "dashboard-map", "data-values").split(",")
    colours = attribute(page, "dashboard-map", "data-colors").split(",")
    assert float(values[names.index("源城区")]) == expected
    assert float(values[names.index("紫金县")]) == round(100 / zijin, 1)
    assert float(values[names.index("龙川县")]) == 0.0
    assert colours[names.index("源城区")] == selectors.colour(expected) == "#d73027"  # under 25%
    row = page.split(f'data-testid="standards-{COUNTY}"', 1)[1].split("</tr>", 1)[0]
    cells = [cell.split("</td>", 1)[0] for cell in row.split('<td class="text-end">')[1:]]
    # 达标率 first (on a phone it shows without scrolling), then all met, failing, unknown (no row or 未登记), recorded
    assert cells[0] == f"{expected}%"
    assert cells[2:6] == ["3", "2", str(yuancheng - 5), "6"]
    assert cells[1].endswith(f">{yuancheng}</a>")
    total = page.split('data-testid="standards-total"', 1)[1].split("</tr>", 1)[0]
    assert f">{offices_under('441600000000')}</a>" in total


def test_the_table_holds_the_charts_numbers(client, city_admin, county_officer, yuancheng_offices):
    for user, query, chart in ((city_admin, {}, "dashboard-map"), (county_officer, {}, "dashboard-bars")):
        page = login(client, user).get("/network/dashboard/", {**query, "metric": "standards"}).content.decode()
        names = attribute(page, chart, "data-names" if chart == "dashboard-map" else "data-labels").split(",")
        values = [float(value) if value else None
                  for value in attribute(page, chart, "data-values" if chart == "dashboard-map" else "data-series-0")
                  .split(",")]
        assert metric_table(page) == dict(zip(names, values, strict=True))


def test_a_countys_townships_are_a_bar_chart_with_their_counts(client, county_officer, yuancheng_offices):
    page = login(client, county_officer).get("/network/dashboard/", {"metric": "standards"}).content.decode()
    assert 'data-testid="dashboard-map"' not in page
    assert "乡镇（街道）边界没有可用的免费数据来源" in page
    table = metric_table(page)
    township = Region.objects.get(code=TOWNSHIP)
    assert table[township.name] == round(100 * 3 / offices_under(TOWNSHIP), 1)
    assert len(table) == Region.objects.filter(parent__code=COUNTY, is_active=True).count()


def test_a_township_links_down_to_its_offices(client, county_officer, yuancheng_offices):
    page = login(client, county_officer).get("/network/dashboard/", {"region": TOWNSHIP}).content.decode()
    row = page.split(f'data-testid="standards-{VILLAGE}"', 1)[1].split("</tr>", 1)[0]
    assert f"/network/offices/?region={VILLAGE}" in row
    assert f'/network/activity/?region={VILLAGE}' in page


def test_another_county_is_not_found(client, neighbour_county_officer):
    client = login(client, neighbour_county_officer)
    for path in ("/network/dashboard/", "/network/dashboard/export/"):
        assert client.get(path, {"region": COUNTY}).status_code == 404
        assert client.get(path, {"region": TOWNSHIP}).status_code == 404
    token = account_services.create_token(actor=None, user=neighbour_county_officer)
    response = Client().get("/api/v1/network/dashboard", {"region": COUNTY},
                            headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404
    own = client.get("/network/dashboard/").content.decode()
    assert "源城区" not in own and "紫金县" in own


def test_the_api_and_the_xlsx_give_the_pages_figures(client, county_officer, yuancheng_offices):
    token = account_services.create_token(actor=None, user=county_officer)
    data = Client().get("/api/v1/network/dashboard", headers={"Authorization": f"Bearer {token}"}).json()
    assert data["region_code"] == COUNTY
    township = next(row for row in data["children"] if row["region_code"] == TOWNSHIP)
    assert (township["offices_all_ok"], township["offices_failing"]) == (3, 2)
    assert township["offices"] == offices_under(TOWNSHIP)
    assert len(data["total"]["targets"]) == 5 and len(data["trend"]) == 12
    response = login(client, county_officer).get("/network/dashboard/export/")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["八统一达标"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows[Region.objects.get(code=TOWNSHIP).name][3:5] == (3, 2)
    assert rows["合计"][1] == offices_under(COUNTY)


def test_a_bad_month_is_refused_with_what_to_type(client, county_officer):
    response = login(client, county_officer).get("/network/dashboard/", {"month": "2026-13"})
    assert response.status_code == 400
    assert "请按“2026-05”的格式" in response.content.decode()


def test_targets_not_yet_computed_are_said_so_not_counted_on_the_page(client, county_officer):
    """The page reads the targets' monthly snapshots only: a month not computed is 该月尚未计算, never 0% or 100%."""
    page = login(client, county_officer).get("/network/dashboard/").content.decode()
    total = page.split('data-testid="targets-total"', 1)[1].split("</tr>", 1)[0]
    assert total.count(">该月尚未计算</span>") == 5
    assert "100.0%" not in total and "0.0%" not in total


def sheet_rows(client, query, name):
    response = client.get("/network/dashboard/export/", query)
    return [row for row in openpyxl.load_workbook(io.BytesIO(response.content))[name].iter_rows(min_row=3,
                                                                                                 values_only=True)]


@pytest.mark.parametrize(("who", "region"), [("city_admin", "441600000000"), ("county_officer", COUNTY),
                                             ("county_officer", TOWNSHIP)])
def test_the_rows_add_up_to_the_total_at_each_level(client, request, yuancheng_offices, who, region):
    """A township's rows are its own 服务所 and its villages; a county's its townships, the city's its counties: each
    count of 八统一达标, 检查验收 and 应用与联网 adds up to 合计, on the page and in the .xlsx."""
    user = request.getfixturevalue(who)
    audit.record(actor=user, action="accounts.login")  # some use of the platform, counted once
    refresh.refresh()
    client = login(client, user)
    query = {"region": region}
    for name, columns in (("八统一达标", range(1, 6)), ("验收", range(1, 5)), ("应用与联网", range(1, 4))):
        *rows, total = sheet_rows(client, query, name)
        assert total[0] == "合计" and len(rows) > 1
        for column in columns:
            assert sum(row[column] for row in rows) == total[column], (name, column)
    page = client.get("/network/dashboard/", query).content.decode()
    own = Region.objects.get(code=TOWNSHIP).name + "（本级服务所）"
    assert (own in page) == (region == TOWNSHIP)  # a county and the city have no office of their own
    total = page.split('data-testid="standards-total"', 1)[1].split("</tr>", 1)[0]
    assert f">{offices_under(region)}</a>" in total


def test_a_townships_own_office_has_its_row_and_its_bar(client, county_officer, yuancheng_offices):
    """上城街道's own office meets every rule: its row and its bar say 100%, the villages' rows the rest."""
    page = login(client, county_officer).get("/network/dashboard/", {"region": TOWNSHIP, "metric": "standards"}) \
        .content.decode()
    own = Region.objects.get(code=TOWNSHIP).name + "（本级服务所）"
    assert metric_table(page)[own] == 100.0
    labels = attribute(page, "dashboard-bars", "data-labels").split(",")
    assert labels[0] == own and attribute(page, "dashboard-bars", "data-series-0").split(",")[0] == "100.0"
    row = page.split('data-testid="standards-own"', 1)[1].split("</tr>", 1)[0]
    assert own in row and '<td class="text-end">100.0%</td>' in row
    levels = [cell.split("</th>", 1)[0] for cell in page.split('data-testid="milestone-level">')[1:]]
    assert levels and set(levels) == {"乡镇（街道）"}  # the milestones' rows are the township: headed by its level


def test_months_before_the_first_report_say_so_not_0_percent(client, county_officer, township_officer):
    from hrss.network.models import MonthlyReport

    client = login(client, county_officer)
    month = selectors.add_months(TODAY.replace(day=1), -1)
    page = client.get("/network/dashboard/", {"month": f"{month:%Y-%m}"}).content.decode()
    trend = page.split('data-testid="dashboard-report-trend"', 1)[1].split("</table>", 1)[0]
    assert trend.count("尚无月报") == 12 and "0.0%" not in trend  # no report ever generated in 源城区
    assert 'data-testid="dashboard-reports-none"' in page and 'data-testid="dashboard-reports"' not in page
    bars = client.get("/network/dashboard/", {"month": f"{month:%Y-%m}", "metric": "reports"}).content.decode()
    assert set(metric_table(bars).values()) == {None}  # —, not 0%
    first = selectors.add_months(month, -2)
    MonthlyReport.objects.create(region_code=TOWNSHIP, month=first, generated_by=township_officer,
                                 generated_at=datetime.datetime.combine(first, datetime.time(10), tzinfo=SHANGHAI))
    page = client.get("/network/dashboard/", {"month": f"{month:%Y-%m}"}).content.decode()
    trend = page.split('data-testid="dashboard-report-trend"', 1)[1].split("</table>", 1)[0]
    assert trend.count("尚无月报") == 9
    assert "尚无月报" not in trend.split(f'data-testid="report-trend-{first:%Y-%m}"', 1)[1]
    assert "0.0%" in trend.split(f'data-testid="report-trend-{first:%Y-%m}"', 1)[1]  # the townships not reported
    assert 'data-testid="dashboard-reports"' in page  # the month itself is after the first report: counted
    token = account_services.create_token(actor=None, user=county_officer)
    data = Client().get("/api/v1/network/dashboard", {"month": f"{month:%Y-%m}"},
                        headers={"Authorization": f"Bearer {token}"}).json()
    assert [row["reports"] is None for row in data["trend"]] == [True] * 9 + [False] * 3


def test_print_and_phone(client, county_officer, yuancheng_offices):
    """Printed: no chart, no filter form, no colour legend (only the tables); on a phone the key rates come first."""
    page = login(client, county_officer).get("/network/dashboard/").content.decode()
    for wrapper in ("dashboard-chart-wrapper", "dashboard-target-trend-wrapper", "dashboard-filter",
                    "dashboard-legend"):
        tag = page.split(f'data-testid="{wrapper}"', 1)[0].rsplit("<", 1)[1]
        assert "d-print-none" in tag, wrapper
    charts = page.split('<div class="network-chart"')
    assert len(charts) >= 3  # the bars, the targets' and the reports' trends
    for before in charts[:-1]:
        assert "d-print-none" in before.rsplit("<", 1)[1]  # the chart's own wrapper: nothing of it is printed
    headers = page.split('data-testid="dashboard-standards"', 1)[1].split("</thead>", 1)[0]
    assert headers.index("达标率") < headers.index("服务机构")
    headers = page.split('data-testid="dashboard-acceptance"', 1)[1].split("</thead>", 1)[0]
    assert headers.index("验收未通过") < headers.index("待市验收")
