"""/api/v1/supervision/ratings and /complaints: scoped reads, entering and answering a complaint."""

from hrss.supervision.models import Complaint, Score
from hrss.supervision.ratings import services
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.supervision.ratings.helpers import call


def test_ratings_of_the_scope(rating_code, township_officer, neighbour_county_officer):
    services.rate(code=rating_code.code, score=Score.GOOD, reason="耐心")
    [row] = call(township_officer, "get", "/supervision/ratings").json()
    assert (row["rated_on"], row["score"], row["score_label"], row["service"], row["region_code"]) == (
        TODAY.isoformat(), 4, "满意", "测试服务事项", VILLAGE)
    assert "code" not in row and "served_by_id" not in row  # never who rated (test_hostile_input.py)
    assert call(township_officer, "get", "/supervision/ratings", {"score": 5}).json() == []
    assert call(township_officer, "get", "/supervision/ratings", {"month": f"{TODAY:%Y-%m}"}).json() != []
    assert call(township_officer, "get", "/supervision/ratings", {"month": "2026-13"}).status_code == 422
    assert call(neighbour_county_officer, "get", "/supervision/ratings").json() == []
    assert call(neighbour_county_officer, "get", "/supervision/ratings", {"region": VILLAGE}).status_code == 404


def test_enter_read_and_answer_a_complaint(heyuan, township_officer, village_assistant, neighbour_county_officer):
    body = {"office_code": VILLAGE, "about_staff_id": village_assistant.pk, "origin": "phone", "text": "电话投诉",
            "complainant_name": "周九", "received_on": TODAY.isoformat()}
    made = call(township_officer, "post", "/supervision/complaints", body)
    assert made.status_code == 201
    complaint = made.json()
    assert (complaint["region_code"], complaint["about_staff_id"], complaint["state"]) == (
        TOWNSHIP, village_assistant.pk, "open")
    path = f"/supervision/complaints/{complaint['id']}"
    assert call(township_officer, "get", path).json()["complainant_name"] == "周九"
    assert call(township_officer, "get", "/supervision/complaints", {"state": "open"}).json()[0]["id"] == (
        complaint["id"])
    assert call(township_officer, "get", "/supervision/complaints", {"state": "x"}).status_code == 422
    empty = call(township_officer, "post", path + "/reply", {"reply": " "})
    assert empty.status_code == 422 and "答复" in empty.json()["detail"] and Complaint.objects.get().is_open
    replied = call(township_officer, "post", path + "/reply", {"reply": "已核实处理", "outcome": "unfounded"})
    assert replied.status_code == 200 and replied.json()["state"] == "closed"
    assert call(neighbour_county_officer, "get", path).status_code == 404


def test_entering_a_complaint_about_an_office_or_a_person_outside_the_scope_is_404(
        heyuan, village_assistant, neighbour_county_officer):
    outside = call(village_assistant, "post", "/supervision/complaints", {
        "office_code": NEIGHBOUR_COUNTY_VILLAGE, "origin": "phone", "text": "x", "received_on": TODAY.isoformat()})
    assert outside.status_code == 404
    stranger = call(village_assistant, "post", "/supervision/complaints", {
        "office_code": VILLAGE, "about_staff_id": neighbour_county_officer.pk, "origin": "phone", "text": "x",
        "received_on": TODAY.isoformat()})
    assert stranger.status_code == 404 and not Complaint.objects.exists()


def test_refusals_say_what_to_fix(heyuan, township_officer):
    answer = call(township_officer, "post", "/supervision/complaints", {
        "office_code": VILLAGE, "origin": "rating", "text": "x", "received_on": TODAY.isoformat()})
    assert answer.status_code == 422 and "投诉来源" in answer.json()["detail"]
