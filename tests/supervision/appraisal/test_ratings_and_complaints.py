"""A rating counts for the staff member who served (the rating code's served_by) and for the office that served
(its region_code), in the month it was given; a complaint counts against the staff member and the office it is
about, never naming who complained; a complaint answered is work of the one who answered, on time by its due date."""

import datetime
import re

from django.test import Client

from hrss.supervision.appraisal import selectors
from hrss.supervision.appraisal.selectors import Whom
from hrss.supervision.ratings import services as ratings
from tests.conftest import SHANGHAI, TOWNSHIP
from tests.supervision.appraisal.conftest import DUE, MONTH, OPENED


def rated(case, served_by, score, at, reason=""):
    code = ratings.issue_code(region_code=TOWNSHIP, service="失业登记", source="review", source_id=str(case.pk),
                              served_by=served_by, completed_on=at.date())
    return ratings.rate(code=code.code, score=score, reason=reason, now=at)


def test_ratings_count_for_who_served_and_the_office(intake, move, township_reviewer, township_officer):
    first, second = intake(OPENED), intake(OPENED)
    move(first, township_reviewer, DUE)
    move(second, township_reviewer, DUE)
    rated(first, township_reviewer, 5, datetime.datetime(2023, 10, 9, 9, tzinfo=SHANGHAI))
    rated(second, township_reviewer, 2, datetime.datetime(2023, 10, 31, 23, 30, tzinfo=SHANGHAI), reason="态度差")
    rita = selectors.figures_of(MONTH, Whom(staff=frozenset({township_reviewer.pk})))[township_reviewer.pk]
    assert (rita.ratings, str(rita.average), str(rita.satisfied_percent)) == (2, "3.50", "50.0")
    assert rita.complaints == 1  # the poor rating opened a complaint about her
    office = selectors.figures_of(MONTH, Whom(offices=frozenset({TOWNSHIP})))[TOWNSHIP]
    assert office.ratings == 2 and office.satisfied == 1 and office.complaints == 1
    assert township_officer.pk not in selectors.figures_of(MONTH, Whom(staff=frozenset({township_officer.pk})))
    november = selectors.figures_of(datetime.date(2023, 11, 1), Whom(offices=frozenset({TOWNSHIP})))
    assert TOWNSHIP not in november  # 23:30 on 31 October in Heyuan is still October


def test_complaints_count_against_the_staff_and_office_without_the_complainant(
        intake, move, township_reviewer, township_officer, county_officer):
    move(intake(OPENED), township_reviewer, DUE)
    complaint = ratings.record_complaint(
        actor=county_officer, office_code=TOWNSHIP, origin="phone", text="办事拖拉", about_staff=township_reviewer,
        complainant_name="王投诉", complainant_phone="13900000000", received_on=datetime.date(2023, 10, 10),
        today=datetime.date(2023, 10, 10))
    ratings.reply_complaint(actor=township_officer, complaint=complaint, reply="已核实并批评教育",
                            outcome="partly", today=complaint.due_date)
    rita = selectors.figures_of(MONTH, Whom(staff=frozenset({township_reviewer.pk})))[township_reviewer.pk]
    assert (rita.complaints, rita.upheld) == (1, 1)  # 部分查实 is deducted as 查实 is
    tina = selectors.figures_of(MONTH, Whom(staff=frozenset({township_officer.pk})))[township_officer.pk]
    assert (tina.handled, tina.on_time, tina.by_source["complaint"]) == (1, 1, 1)  # answered on its due day
    client = Client()
    client.force_login(county_officer)
    page = client.get("/supervision/appraisal/staff/", {"region": TOWNSHIP, "month": "2023-10"}).content.decode()
    row = page.split('data-testid="appraisal-staff-rita"')[1].split("</tr>")[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
    assert cells[9] == "1（1）"  # 被投诉（查实）
    assert float(cells[10]) == 95.0  # one case on time, nobody rated: 100, less 5 for the upheld complaint
    cases = client.get("/supervision/appraisal/cases/", {"region": TOWNSHIP, "user": township_officer.pk,
                                                         "month": "2023-10"}).content.decode()
    assert "2023-10-10收到的投诉：上城街道人力资源和社会保障服务所（部分查实）" in cases  # what it was about
    assert "返回上城街道人力资源和社会保障服务所工作人员考核" in cases
    for text in (page, cases):
        assert "王投诉" not in text and "13900000000" not in text and "办事拖拉" not in text


def test_a_staff_member_does_not_see_the_complaints_about_themself(intake, move, township_reviewer, township_officer,
                                                                   county_officer):
    move(intake(OPENED), township_reviewer, DUE)
    ratings.record_complaint(actor=county_officer, office_code=TOWNSHIP, origin="mailbox", text="态度不好",
                             about_staff=township_reviewer, received_on=datetime.date(2023, 10, 10),
                             today=datetime.date(2023, 10, 10))

    def complaints_of_rita(viewer):
        client = Client()
        client.force_login(viewer)
        page = client.get("/supervision/appraisal/staff/", {"region": TOWNSHIP, "month": "2023-10"}).content.decode()
        row = page.split('data-testid="appraisal-staff-rita"')[1].split("</tr>")[0]
        return re.sub(r"<[^>]+>", "", re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)[9])

    assert complaints_of_rita(county_officer) == "1"  # those above count them
    assert complaints_of_rita(township_reviewer) == "—"
    assert complaints_of_rita(township_officer) == "—"  # nor a colleague of the same office (finding F9)
