"""应用与联网: an office's use of the platform read from the audit log (the acting account's region), its last
activity, this month's entries and cases, and the offices without activity in the rule's days listed, on the page,
in the .xlsx and in the API; a county officer cannot look at another county."""

import datetime
import io

import openpyxl
import pytest
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core import audit
from hrss.core.models import Region
from hrss.network.activity import refresh, rules
from hrss.network.models import OfficeActivity
from tests.conftest import NEIGHBOUR_VILLAGE, SHANGHAI, TODAY, TOWNSHIP, VILLAGE, login

pytestmark = pytest.mark.django_db


def at(day, hour=10):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=SHANGHAI)


@pytest.fixture
def worked(clock, village_assistant, township_officer):
    """alice (下城社区) records work 3 days ago (two entries on one person's record, one on another, a login);
    the township officer worked 40 days ago; nobody in 公园社区 ever did anything."""
    three_days_ago = TODAY - datetime.timedelta(days=3)
    clock.move_to(at(TODAY - datetime.timedelta(days=40)))
    audit.record(actor=township_officer, action="residents.person.updated", target=village_assistant)
    clock.move_to(at(three_days_ago))
    audit.record(actor=village_assistant, action="accounts.login")
    audit.record(actor=village_assistant, action="residents.person.updated", target=township_officer)
    audit.record(actor=village_assistant, action="residents.person.updated", target=township_officer)
    clock.move_to(at(three_days_ago, 11))
    audit.record(actor=village_assistant, action="residents.person.created", target=village_assistant)
    clock.move_to(at(TODAY))
    return three_days_ago


def test_an_office_with_activity_shows_its_last_day_and_one_without_is_listed(client, worked, county_officer):
    # Looked at by the county (a township officer's own sign-in would make the township's office active today).
    page = login(client, county_officer).get("/network/activity/", {"region": TOWNSHIP}).content.decode()
    last = page.split(f'data-testid="activity-last-{VILLAGE}">', 1)[1].split("<", 1)[0]
    assert last == f"{worked:%Y-%m-%d} 11:00"
    inactive = page.split('data-testid="activity-inactive"', 1)[1]
    assert f'data-testid="activity-inactive-{NEIGHBOUR_VILLAGE}"' in inactive  # 公园社区: never used
    assert f'data-testid="activity-inactive-{VILLAGE}"' not in inactive
    # The township's own office worked 40 days ago: more than the rule's 30 days.
    assert rules.inactive_days(TODAY) == 30
    assert f'data-testid="activity-inactive-{TOWNSHIP}"' in inactive


def test_the_month_counts_entries_and_distinct_records(worked, village_assistant):
    refresh.refresh()
    row = OfficeActivity.objects.get(region_code=VILLAGE, month=worked.replace(day=1))
    assert (row.entries, row.cases) == (4, 2)  # a login is use, not a case; one record written twice is one case
    assert row.last_at == at(worked, 11)


def test_the_rule_day_is_the_boundary(clock, village_assistant, township_officer, county_officer):
    days = rules.inactive_days(TODAY)
    clock.move_to(at(TODAY - datetime.timedelta(days=days - 1)))  # the first day still counted as recent
    audit.record(actor=village_assistant, action="accounts.login")
    clock.move_to(at(TODAY - datetime.timedelta(days=days)))  # one day more: listed
    audit.record(actor=township_officer, action="accounts.login")
    clock.move_to(at(TODAY))
    data = login_api(county_officer, {"region": TOWNSHIP})
    inactive = {office["region_code"]: office["inactive"] for office in data["offices"]}
    assert inactive[VILLAGE] is False and inactive[TOWNSHIP] is True


def api(user, query):
    token = account_services.create_token(actor=None, user=user)
    return Client().get("/api/v1/network/activity", query, headers={"Authorization": f"Bearer {token}"})


def login_api(user, query):
    response = api(user, query)
    assert response.status_code == 200
    return response.json()


def test_the_county_page_counts_its_townships(client, worked, county_officer):
    page = login(client, county_officer).get("/network/activity/").content.decode()
    row = page.split(f'data-testid="activity-child-{TOWNSHIP}"', 1)[1].split("</tr>", 1)[0]
    offices = 1 + Region.objects.filter(parent__code=TOWNSHIP, is_active=True).count()  # its own and its villages'
    cells = [cell.split("</td>", 1)[0] for cell in row.split('<td class="text-end">')[1:]]
    # 使用率 and 未使用 first (on a phone they show without scrolling), then the offices and the active ones
    assert cells[0] == f"{round(100 / offices, 1)}%"
    assert cells[2] == f'<a href="?region={TOWNSHIP}">{offices}</a>'
    assert cells[3] == "1"  # 下城社区 worked 3 days ago; the township's own office 40 days ago


def test_the_export_lists_every_office_with_its_last_activity(client, worked, county_officer):
    response = login(client, county_officer).get("/network/activity/export/", {"region": TOWNSHIP})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["服务机构"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["下城社区人力资源社会保障服务站"][2] == datetime.datetime.combine(worked, datetime.time(11))
    assert rows["公园社区人力资源社会保障服务站"][2] is None and rows["公园社区人力资源社会保障服务站"][5] == "是"


def test_another_county_is_not_found(client, worked, neighbour_county_officer):
    client = login(client, neighbour_county_officer)
    assert client.get("/network/activity/", {"region": TOWNSHIP}).status_code == 404
    assert client.get("/network/activity/export/", {"region": VILLAGE}).status_code == 404
    assert api(neighbour_county_officer, {"region": TOWNSHIP}).status_code == 404


def test_a_village_assistant_sees_only_her_office(client, worked, village_assistant):
    page = login(client, village_assistant).get("/network/activity/").content.decode()
    assert f'data-testid="activity-office-{VILLAGE}"' in page
    assert f'data-testid="activity-office-{NEIGHBOUR_VILLAGE}"' not in page


def test_before_the_first_count_nothing_is_0_percent_or_never_used(client, settings, county_officer):
    """The background count (a task for the worker) has not run yet: the pages say 尚未统计, not 0% or 从未使用."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client = login(client, county_officer)
    page = client.get("/network/activity/", {"region": TOWNSHIP}).content.decode()
    assert refresh.state()[0] is None  # never counted
    last = page.split(f'data-testid="activity-last-{VILLAGE}"', 1)[1].split("</td>", 1)[0]
    assert last.endswith(">尚未统计")
    assert "从未使用" not in page and "0.0%" not in page
    assert 'data-testid="activity-inactive-' not in page.split('data-testid="activity-inactive"', 1)[1]
    county = client.get("/network/activity/").content.decode()
    row = county.split(f'data-testid="activity-child-{TOWNSHIP}"', 1)[1].split("</tr>", 1)[0]
    assert "尚未统计" in row and "%" not in row and "从未使用" not in row
    dashboard = client.get("/network/dashboard/").content.decode()
    total = dashboard.split('data-testid="activity-total"', 1)[1].split("</tr>", 1)[0]
    assert total.count(">尚未统计</td>") == 3 and "%" not in total
    assert api(county_officer, {"region": TOWNSHIP}).json()["counted"] is False
    response = client.get("/network/activity/export/", {"region": TOWNSHIP})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["服务机构"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["公园社区人力资源社会保障服务站"][2] == rows["公园社区人力资源社会保障服务站"][5] == "尚未统计"
    # Once counted, the same office is 从未使用 and listed.
    refresh.refresh()
    page = client.get("/network/activity/", {"region": TOWNSHIP}).content.decode()
    assert f'data-testid="activity-inactive-{NEIGHBOUR_VILLAGE}"' in page
