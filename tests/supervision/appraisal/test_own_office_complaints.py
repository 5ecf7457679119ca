"""Finding F9: the person complained about could work it out from the 考核 (their office's total, a colleague's
0 beside their own "—"). Nobody sees the complaint figures of their own office: its row and every row of its staff
show "—" with the reason, on the pages, in the API and in the .xlsx, and the 各机构服务评价 page agrees; the offices
below are shown as before, and those above see everything."""

import datetime
import io
import re

import openpyxl
from django.test import Client

from hrss.supervision.ratings import services as ratings
from tests.conftest import COUNTY, TOWNSHIP, login
from tests.supervision.appraisal.conftest import DUE, MONTH, OPENED, row_cells
from tests.supervision.ratings.helpers import call

HIDDEN = "本机构的投诉由上级统计"
RECEIVED = datetime.date(2023, 10, 10)


def _client(user):
    return login(Client(), user)


_cells = row_cells


def _complaint(county_officer, about):
    ratings.record_complaint(actor=county_officer, office_code=TOWNSHIP, origin="mailbox", text="态度不好",
                             about_staff=about, received_on=RECEIVED, today=RECEIVED)


def test_the_own_office_and_its_staff_show_no_complaints(intake, move, township_reviewer, township_officer,
                                                          county_officer):
    move(intake(OPENED), township_reviewer, DUE)
    _complaint(county_officer, township_reviewer)
    month = {"month": f"{MONTH:%Y-%m}"}
    for viewer in (township_officer, township_reviewer):
        client = _client(viewer)
        offices = client.get("/supervision/appraisal/", {"region": TOWNSHIP, **month}).content.decode()
        assert _cells(offices, f"appraisal-office-{TOWNSHIP}")[10] == "—" and HIDDEN in offices
        staff = client.get("/supervision/appraisal/staff/", {"region": TOWNSHIP, **month}).content.decode()
        for username in ("rita", township_officer.username):
            assert _cells(staff, f"appraisal-staff-{username}")[9] == "—"
        assert HIDDEN in staff
        answer = call(viewer, "get", "/supervision/appraisal", {"region": TOWNSHIP, **month}).json()
        assert next(row for row in answer if row["own"])["complaints"] is None
        answer = call(viewer, "get", "/supervision/appraisal/staff", {"region": TOWNSHIP, **month}).json()
        assert {row["complaints"] for row in answer} == {None}
        book = openpyxl.load_workbook(io.BytesIO(client.get("/supervision/appraisal/export/",
                                                            {"region": TOWNSHIP, **month}).content))
        office_rows = list(book["各服务机构"].iter_rows(values_only=True))
        header = office_rows[1]
        column = header.index("被投诉")
        own = next(row for row in office_rows if row[1] == TOWNSHIP)
        assert own[column] == "—"
        staff_rows = list(book["工作人员"].iter_rows(values_only=True))
        staff_column = staff_rows[1].index("被投诉")
        ours = [row for row in staff_rows[2:] if row[0] == own[0].removesuffix("（本级）")]
        assert len(ours) == 2 and {row[staff_column] for row in ours} == {"—"}
        # The 各机构服务评价 page agrees: the own office's complaints are not counted, nor in the total; with nothing
        # else of the month, the office has no row at all (a row there would itself tell of the complaint).
        figures = client.get("/supervision/ratings/offices/", {"region": TOWNSHIP, **month}).content.decode()
        assert "该月没有办结案件、评价或投诉" in figures
    ratings.issue_code(region_code=TOWNSHIP, service="失业登记", source="review", source_id="77", served_by=None,
                       completed_on=RECEIVED)
    for viewer in (township_officer, township_reviewer):
        figures = _client(viewer).get("/supervision/ratings/offices/", {"region": TOWNSHIP, **month}).content.decode()
        assert 'data-testid="office-complaints-hidden"' in figures and HIDDEN in figures
        total = figures.split("<tfoot>")[1].split("</tfoot>")[0]
        assert re.sub(r"<[^>]+>", " ", total).split()[-3:] == ["0", "0", "0"]


def test_those_above_see_the_complaints_of_the_office_below(intake, move, township_reviewer, county_officer):
    move(intake(OPENED), township_reviewer, DUE)
    _complaint(county_officer, township_reviewer)
    month = {"month": f"{MONTH:%Y-%m}"}
    client = _client(county_officer)
    offices = client.get("/supervision/appraisal/", {"region": COUNTY, **month}).content.decode()
    assert _cells(offices, f"appraisal-office-{TOWNSHIP}")[10] == "1"
    staff = client.get("/supervision/appraisal/staff/", {"region": TOWNSHIP, **month}).content.decode()
    assert _cells(staff, "appraisal-staff-rita")[9] == "1"
    answer = call(county_officer, "get", "/supervision/appraisal", {"region": COUNTY, **month}).json()
    assert next(row for row in answer if row["region_code"] == TOWNSHIP)["complaints"] == 1
    figures = client.get("/supervision/ratings/offices/", {"region": COUNTY, **month}).content.decode()
    assert 'data-testid="office-complaints-hidden"' not in figures
    row = figures.split(f"region={TOWNSHIP}&month=")[1].split("</tr>")[0]
    assert re.sub(r"<[^>]+>", " ", row).split()[-3] == "1"  # received in the month
