"""The 考核 pages: a township sees its villages (not the neighbouring township's) and drills down, its staff and the
cases behind a number; the county of next door gets 404 for our regions; a village assistant does not appraise;
the .xlsx is audited. The month defaults to the previous one."""

import datetime
import io

import openpyxl
from django.test import Client

from hrss.accounts.models import User
from hrss.core.models import AuditEntry, Region
from hrss.core.permissions import Role
from tests.conftest import NEIGHBOUR_TOWNSHIP, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.supervision.appraisal.conftest import DUE, OPENED

OCTOBER = {"month": "2023-10"}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def late_and_on_time(intake, move, reviewer):
    move(intake(OPENED, "失业登记：准时办"), reviewer, DUE)
    move(intake(OPENED, "失业登记：逾期办"), reviewer, datetime.date(2023, 10, 9))


def test_the_township_sees_its_villages_and_its_own_office(intake, move, township_reviewer, township_officer):
    late_and_on_time(intake, move, township_reviewer)
    page = logged_in(township_officer).get("/supervision/appraisal/", OCTOBER)
    body = page.content.decode()
    assert page.status_code == 200
    assert "上城街道" in body and "下城社区" in body and "公园社区" in body and "新江街道" not in body
    assert 'data-testid="appraisal-office-441602001000"' in body
    own = body.split('data-testid="appraisal-office-441602001000"')[1].split("</tr>")[0]
    assert ">2</a>" in own and "50.0%" in own and "无数据" not in own
    village = body.split(f'data-testid="appraisal-office-{NEIGHBOUR_VILLAGE}"')[1].split("</tr>")[0]
    assert "无数据" in village


def test_a_neighbouring_township_is_not_found(township_officer):
    client = logged_in(township_officer)
    for path in ("/supervision/appraisal/", "/supervision/appraisal/staff/", "/supervision/appraisal/cases/",
                 "/supervision/appraisal/export/"):
        assert client.get(path, {"region": NEIGHBOUR_TOWNSHIP}).status_code == 404


def test_the_neighbouring_county_gets_404_for_our_regions(neighbour_county_officer, heyuan):
    client = logged_in(neighbour_county_officer)
    for path in ("/supervision/appraisal/", "/supervision/appraisal/staff/", "/supervision/appraisal/export/"):
        for code in (TOWNSHIP, VILLAGE):
            assert client.get(path, {"region": code, **OCTOBER}).status_code == 404


def test_a_village_assistant_does_not_appraise(village_assistant):
    assert logged_in(village_assistant).get("/supervision/appraisal/").status_code == 403


def test_the_county_drills_down_to_the_staff_and_the_late_case(intake, move, township_reviewer, county_officer):
    late_and_on_time(intake, move, township_reviewer)
    client = logged_in(county_officer)
    county = client.get("/supervision/appraisal/", OCTOBER).content.decode()
    assert f"?region={TOWNSHIP}&amp;month=2023-10" in county or f"?region={TOWNSHIP}&month=2023-10" in county
    staff = client.get("/supervision/appraisal/staff/", {"region": TOWNSHIP, **OCTOBER}).content.decode()
    rita = staff.split('data-testid="appraisal-staff-rita"')[1].split("</tr>")[0]
    assert "66.7" in rita
    late = client.get("/supervision/appraisal/cases/", {"region": TOWNSHIP, "user": township_reviewer.pk,
                                                        "late": "1", **OCTOBER}).content.decode()
    assert "失业登记：逾期办" in late and "失业登记：准时办" not in late and "2023-10-08" in late


def test_the_month_defaults_to_the_previous_one_and_a_bad_month_says_what_to_type(township_officer):
    client = logged_in(township_officer)
    previous = (TODAY.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    assert f'value="{previous}"' in client.get("/supervision/appraisal/").content.decode()
    bad = client.get("/supervision/appraisal/", {"month": "2023-13"})
    assert bad.status_code == 400 and "2026-05" in bad.content.decode()
    future = client.get("/supervision/appraisal/", {"month": f"{TODAY.year + 1}-01"})
    assert future.status_code == 400 and "尚未开始" in future.content.decode()


def test_the_export_has_offices_and_staff_and_is_audited(intake, move, township_reviewer, county_officer):
    late_and_on_time(intake, move, township_reviewer)
    response = logged_in(county_officer).get("/supervision/appraisal/export/", {"region": TOWNSHIP, **OCTOBER})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    offices = [[cell.value for cell in row] for row in book["各服务机构"].iter_rows()]
    assert offices[0][0] == "考核（上城街道，2023年10月）"
    own = next(row for row in offices if row[1] == TOWNSHIP)
    assert own[2:7] == [2, 2, 1, 1, 50]
    village = next(row for row in offices if row[1] == VILLAGE)
    assert village[-1] == "无数据"
    staff = [[cell.value for cell in row] for row in book["工作人员"].iter_rows()]
    assert staff[1][:3] == ["服务机构", "姓名", "办理件数"]  # names only, no 用户名 (login names)
    assert any(row[1] == str(township_reviewer) and row[-1] == 66.7 for row in staff)
    entry = AuditEntry.objects.get(action="supervision.appraisal.exported")
    assert (entry.actor, entry.region_code, entry.after["appraisal_month"]) == (county_officer, TOWNSHIP, "2023-10")


def test_one_who_moved_is_appraised_at_each_office_apart(intake, move, township_reviewer, township_officer, heyuan,
                                                         make_user):
    move(intake(OPENED, "失业登记：上城办理"), township_reviewer, DUE)
    User.objects.filter(pk=township_reviewer.pk).update(region=heyuan[NEIGHBOUR_TOWNSHIP])  # moved on 10 October
    township_reviewer.refresh_from_db()
    village = Region.objects.filter(parent=heyuan[NEIGHBOUR_TOWNSHIP]).order_by("code").first()
    elsewhere = intake(OPENED, "失业登记：新江办理", region_code=village.code,
                       actor=make_user("xinjiang", village.code, Role.VILLAGE_ASSISTANT))
    move(elsewhere, township_reviewer, datetime.date(2023, 10, 10))
    client = logged_in(township_officer)
    staff = client.get("/supervision/appraisal/staff/", {"region": TOWNSHIP, **OCTOBER}).content.decode()
    rita = staff.split('data-testid="appraisal-staff-rita"')[1].split("</tr>")[0]
    assert ">1</a>" in rita  # her work here only, though she has moved since
    cases = client.get("/supervision/appraisal/cases/", {"region": TOWNSHIP, "user": township_reviewer.pk,
                                                         **OCTOBER}).content.decode()
    assert "失业登记：上城办理" in cases and "失业登记：新江办理" not in cases
    assert client.get("/supervision/appraisal/cases/", {"region": TOWNSHIP, "user": township_officer.pk + 1000,
                                                        **OCTOBER}).status_code == 404


def test_the_area_home_links_the_appraisal_for_appraisers_only(township_officer, village_assistant):
    assert "/supervision/appraisal/" in logged_in(township_officer).get("/supervision/").content.decode()
    assert "/supervision/appraisal/" not in logged_in(village_assistant).get("/supervision/").content.decode()
