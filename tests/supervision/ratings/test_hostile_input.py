"""What a security test found in the ratings part (findings 1, 3 and 6b): staff never see a rating's code, who
served nor the day the case was completed (in the API, the 评价台账 and its .xlsx), and the completed cases and
their slips do not say whether a case was rated; a complaint received before the platform records (0001-01-01,
2003-12-31) is refused in Chinese on the page and in the API, and nothing is written; an unknown or used code on
the public page is a 404 with the same words."""

from django.test import Client

from hrss.core.models import AuditEntry
from hrss.supervision.models import Complaint, Score
from hrss.supervision.ratings import services
from tests.conftest import TODAY, VILLAGE
from tests.supervision.ratings.helpers import call, logged_in, xlsx_cells

TOO_EARLY = "早于本平台可登记的最早日期（2011年1月1日）"


def test_staff_cannot_tell_who_rated(closed_case, rating_code, village_assistant, township_officer):
    services.rate(code=rating_code.code, score=Score.VERY_POOR, reason="态度差")
    code, shown = rating_code.code, f"{rating_code.code[:4]}-{rating_code.code[4:]}"
    [row] = call(village_assistant, "get", "/supervision/ratings").json()
    assert row["reason"] == "态度差" and row["rated_on"] == TODAY.isoformat() and row["region_code"] == VILLAGE
    assert {"code", "served_by_id", "completed_on", "rated_at"}.isdisjoint(row) and code not in str(row)
    for user in (village_assistant, township_officer):
        client = logged_in(user)
        ledger = client.get("/supervision/ratings/", {"region": VILLAGE}).content.decode()
        assert "态度差" in ledger and code not in ledger and shown not in ledger and "经办人" not in ledger
        cells = xlsx_cells(client.get("/supervision/ratings/export/", {"region": VILLAGE}))
        assert "态度差" in cells and code not in cells and "经办人" not in cells and "评价码" not in cells
        completed = client.get("/supervision/ratings/completed/").content.decode()
        assert shown not in completed and "已评价" not in completed and "未评价" not in completed
        slip = client.get(f"/supervision/ratings/slip/{closed_case.pk}/").content.decode()
        assert "使用" not in slip and "已评价" not in slip


def test_a_complaint_received_before_the_platform_records_is_refused(heyuan, township_officer):
    for day in ("0001-01-01", "2003-12-31"):
        answer = call(township_officer, "post", "/supervision/complaints", {
            "office_code": VILLAGE, "origin": "phone", "text": "x", "received_on": day})
        assert answer.status_code == 422 and "收到日期" + day + TOO_EARLY in str(answer.json()), day
        page = logged_in(township_officer).post("/supervision/complaints/new/", {
            "office": VILLAGE, "origin": "phone", "text": "x", "received_on": day})
        assert page.status_code == 200 and "收到日期" + day + TOO_EARLY in page.content.decode(), day
    assert not Complaint.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="supervision.").exists()
    assert call(township_officer, "post", "/supervision/complaints", {
        "office_code": VILLAGE, "origin": "phone", "text": "x", "received_on": TODAY.isoformat()}).status_code == 201


def test_an_unknown_and_a_used_code_are_the_same_404_when_rated(rating_code):
    client = Client()
    services.rate(code=rating_code.code, score=Score.GOOD, reason="")
    used, unknown = (client.post("/supervision/rate/", {"code": code, "score": "5"})
                     for code in (rating_code.code, "ZZZZZZZZ"))
    assert used.status_code == unknown.status_code == 404
    assert services.REFUSED in used.content.decode() and services.REFUSED in unknown.content.decode()
