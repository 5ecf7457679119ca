"""Finding N1 (attack2): an upheld complaint lowers the score, so the score of one's own office (and of its staff)
told of the complaint the "—" hid, and the 办理件数 list named it. Nobody sees the score of their own office or of
its staff ("—" with the reason, on the pages, null in the API, "—" in the .xlsx), nor the replies to complaints
about their own office in the list behind 办理件数; those above see all of it as before."""

import datetime
import io

import openpyxl
from django.test import Client

from hrss.supervision.ratings import services as ratings
from tests.conftest import COUNTY, TOWNSHIP, login
from tests.supervision.appraisal.conftest import DUE, MONTH, OPENED, row_cells
from tests.supervision.ratings.helpers import call

HIDDEN_SCORE = "本机构的考核得分含投诉核实结果，由上级查看"
RECEIVED = datetime.date(2023, 10, 10)
OCTOBER = {"month": f"{MONTH:%Y-%m}"}


def _client(user):
    return login(Client(), user)


_cells = row_cells


def _upheld_complaint_about(township_reviewer, township_officer, county_officer):
    complaint = ratings.record_complaint(actor=county_officer, office_code=TOWNSHIP, origin="phone", text="态度不好",
                                         about_staff=township_reviewer, received_on=RECEIVED, today=RECEIVED)
    ratings.reply_complaint(actor=township_officer, complaint=complaint, reply="经核实属实，已批评教育",
                            outcome="upheld", today=RECEIVED)


def test_the_own_office_and_its_staff_show_no_score_nor_the_reply_to_a_complaint_about_it(
        intake, move, township_reviewer, township_officer, county_officer):
    move(intake(OPENED), township_reviewer, DUE)
    _upheld_complaint_about(township_reviewer, township_officer, county_officer)
    query = {"region": TOWNSHIP, **OCTOBER}
    for viewer in (township_officer, township_reviewer):
        client = _client(viewer)
        offices = client.get("/supervision/appraisal/", query).content.decode()
        own = _cells(offices, f"appraisal-office-{TOWNSHIP}")
        assert own[10] == "—" and own[11] == "—"
        assert f'title="{HIDDEN_SCORE}"' in offices
        # The reason stands under the table, not only inside the folded 怎么算.
        note = offices.split('data-testid="appraisal-offices"')[1].split("<details")[0]
        assert 'data-testid="appraisal-hidden-note"' in note and HIDDEN_SCORE in note
        staff = client.get("/supervision/appraisal/staff/", query).content.decode()
        for username in ("rita", township_officer.username):
            assert _cells(staff, f"appraisal-staff-{username}")[9:11] == ["—", "—"]
        assert 'data-testid="appraisal-hidden-note"' in staff
        answer = call(viewer, "get", "/supervision/appraisal", query).json()
        own_row = next(row for row in answer if row["own"])
        assert own_row["complaints"] is None and own_row["score"] is None
        answer = call(viewer, "get", "/supervision/appraisal/staff", query).json()
        assert {(row["complaints"], row["score"]) for row in answer} == {(None, None)}
        book = openpyxl.load_workbook(io.BytesIO(client.get("/supervision/appraisal/export/", query).content))
        office_rows = list(book["各服务机构"].iter_rows(values_only=True))
        score = office_rows[1].index("得分")
        own_office = next(row for row in office_rows if row[1] == TOWNSHIP)
        assert own_office[score] == "—"
        staff_rows = list(book["工作人员"].iter_rows(values_only=True))
        ours = [row for row in staff_rows[2:] if row[0] == own_office[0].removesuffix("（本级）")]
        assert len(ours) == 2 and {row[staff_rows[1].index("得分")] for row in ours} == {"—"}
        # The list behind 办理件数: the case handled, not the reply to the complaint about the office.
        cases = client.get("/supervision/appraisal/cases/", query).content.decode()
        assert "失业登记" in cases and "收到的投诉" not in cases and "查实" not in cases
        assert 'data-testid="appraisal-cases-own-office"' in cases
        mine = client.get("/supervision/appraisal/cases/", {**query, "user": township_officer.pk}).content.decode()
        assert "收到的投诉" not in mine


def test_those_above_see_the_score_with_the_deduction_and_the_reply(intake, move, township_reviewer,
                                                                     township_officer, county_officer):
    move(intake(OPENED), township_reviewer, DUE)
    _upheld_complaint_about(township_reviewer, township_officer, county_officer)
    client = _client(county_officer)
    offices = client.get("/supervision/appraisal/", {"region": COUNTY, **OCTOBER}).content.decode()
    township = _cells(offices, f"appraisal-office-{TOWNSHIP}")
    assert township[10] == "1（1）" and township[11] not in ("—", "无数据")
    assert 'data-testid="appraisal-hidden-note"' not in offices.split('data-testid="appraisal-offices"')[1] \
        .split("</table>")[0]
    staff = client.get("/supervision/appraisal/staff/", {"region": TOWNSHIP, **OCTOBER}).content.decode()
    assert _cells(staff, "appraisal-staff-rita")[10] not in ("—", "无数据")
    answer = call(county_officer, "get", "/supervision/appraisal", {"region": COUNTY, **OCTOBER}).json()
    row = next(row for row in answer if row["region_code"] == TOWNSHIP)
    assert row["complaints"] == 1 and row["score"] is not None
    cases = client.get("/supervision/appraisal/cases/", {"region": TOWNSHIP, **OCTOBER}).content.decode()
    assert "收到的投诉" in cases and 'data-testid="appraisal-cases-own-office"' not in cases


def test_the_lock_address_opened_in_a_browser_goes_to_the_appraisal(county_officer):
    response = _client(county_officer).get("/supervision/appraisal/lock/", {"region": COUNTY, "month": "2023-10"})
    assert response.status_code == 302
    assert response["Location"] == f"/supervision/appraisal/?region={COUNTY}&month=2023-10"
