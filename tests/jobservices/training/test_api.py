"""The training API: courses, enrolments, completion, wishes, claims and their decisions, with the services' rules
answered as 422 with the message."""

import datetime

import pytest
from django.test import Client

from hrss.accounts import services as account_services
from hrss.jobservices.training import services
from tests.conftest import TODAY, TOWNSHIP
from tests.jobservices.training.conftest import COOK


def _api(user):
    token = account_services.create_token(actor=None, user=user)
    client = Client(headers={"Authorization": f"Bearer {token}"})

    def call(method, path, body=None):
        if method == "get":
            return client.get(f"/api/v1{path}")
        return client.post(f"/api/v1{path}", body or {}, content_type="application/json")

    return call


@pytest.fixture
def course_body():
    return {"name": "API 培训班", "provider_name": "某培训学校", "kind": "skills", "occupation_code": COOK,
            "region_code": TOWNSHIP, "starts_on": (TODAY - datetime.timedelta(days=20)).isoformat(),
            "ends_on": TODAY.isoformat(), "hours": 40, "places": 10}


def test_a_course_from_wish_to_approved_claim(person, county_officer, second_county_officer, county_approver,
                                              village_assistant, course_body):
    assistant = _api(village_assistant)
    wish = assistant("post", "/training/wishes", {"person_id": person.pk, "occupation_code": COOK, "kind": "skills"})
    assert wish.status_code == 201 and wish.json()["status"] == "open"
    assert [row["id"] for row in assistant("get", "/training/wishes").json()] == [wish.json()["id"]]
    officer = _api(county_officer)
    course = officer("post", "/training/courses", course_body)
    assert course.status_code == 201, course.content
    course_id = course.json()["id"]
    enrolment = officer("post", f"/training/courses/{course_id}/enrolments", {"person_id": person.pk})
    assert enrolment.status_code == 201 and enrolment.json()["wish_id"] == wish.json()["id"]
    again = officer("post", f"/training/courses/{course_id}/enrolments", {"person_id": person.pk})
    assert again.status_code == 422 and "已报名该培训班" in str(again.json())
    done = officer("post", f"/training/enrolments/{enrolment.json()['id']}/completion",
                   {"certificate_kind": "skill_level", "certificate_number": "S-API"})
    assert done.status_code == 200 and done.json()["status"] == "completed"
    assert officer("get", f"/training/courses/{course_id}").json()["places_taken"] == 1
    claim = officer("post", f"/training/courses/{course_id}/claims", {"note": "1人"})
    assert claim.status_code == 201 and claim.json()["total"] == 1500
    claim_id, version = claim.json()["id"], claim.json()["case"]["version"]
    own = officer("post", f"/training/claims/{claim_id}/decisions", {"action": "forward", "version": version})
    assert own.status_code == 422 and "申报人不能复核" in str(own.json())
    checker = _api(second_county_officer)
    assert [row["id"] for row in checker("get", "/training/claims").json()] == [claim_id]
    moved = checker("post", f"/training/claims/{claim_id}/decisions", {"action": "forward", "version": version})
    assert moved.json()["case"]["step"] == "county_approval"
    stale = _api(county_approver)("post", f"/training/claims/{claim_id}/decisions",
                                  {"action": "approve", "version": version})
    assert stale.status_code == 409
    approved = _api(county_approver)("post", f"/training/claims/{claim_id}/decisions",
                                     {"action": "approve", "version": version + 1})
    assert approved.json()["case"]["status"] == "approved"


def test_a_bad_course_is_refused_with_its_reasons(county_officer, course_body):
    answer = _api(county_officer)("post", "/training/courses", {**course_body, "free": True, "fee": 100})
    assert answer.status_code == 422 and "免费培训不能收费" in str(answer.json())


def test_attendance_and_drop_free_the_place_and_are_refused_once_dropped(person, county_officer, make_course):
    course = make_course()
    enrolment = services.enrol(actor=county_officer, course=course, person=person)
    officer = _api(county_officer)
    attended = officer("post", f"/training/enrolments/{enrolment.pk}/attendance", {"attended_hours": 12})
    assert attended.status_code == 200 and attended.json()["attended_hours"] == 12
    too_many = officer("post", f"/training/enrolments/{enrolment.pk}/attendance", {"attended_hours": 61})
    assert too_many.status_code == 422 and "已参训课时应在 0 到 60（培训班课时）之间" in str(too_many.json())
    assert officer("get", f"/training/courses/{course.pk}").json()["places_taken"] == 1
    dropped = officer("post", f"/training/enrolments/{enrolment.pk}/drop", {"reason": "外出务工"})
    assert dropped.status_code == 200 and dropped.json()["status"] == "dropped"
    assert officer("get", f"/training/courses/{course.pk}").json()["places_taken"] == 0
    again = officer("post", f"/training/enrolments/{enrolment.pk}/drop", {})
    assert again.status_code == 422 and "只有在训学员可以办理退学" in str(again.json())
    late = officer("post", f"/training/enrolments/{enrolment.pk}/attendance", {"attended_hours": 20})
    assert late.status_code == 422 and "只有在训学员可以登记出勤" in str(late.json())


def test_a_withdrawn_wish_leaves_the_list_and_cannot_be_withdrawn_twice(person, village_assistant):
    wish = services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="skills")
    assistant = _api(village_assistant)
    withdrawn = assistant("post", f"/training/wishes/{wish.pk}/withdrawal", {"reason": "本人放弃"})
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    assert assistant("get", "/training/wishes").json() == []
    again = assistant("post", f"/training/wishes/{wish.pk}/withdrawal", {})
    assert again.status_code == 422 and "只有待培训的意愿可以撤销" in str(again.json())


def test_out_of_scope_enrolments_and_wishes_are_404(person, county_officer, village_assistant, make_course,
                                                      neighbour_county_officer, neighbour_village_assistant):
    enrolment = services.enrol(actor=county_officer, course=make_course(), person=person)
    wish = services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="syb")
    outsider = _api(neighbour_county_officer)
    assert outsider("post", f"/training/enrolments/{enrolment.pk}/attendance",
                    {"attended_hours": 1}).status_code == 404
    assert outsider("post", f"/training/enrolments/{enrolment.pk}/drop", {}).status_code == 404
    assert _api(neighbour_village_assistant)("post", f"/training/wishes/{wish.pk}/withdrawal", {}).status_code == 404
    enrolment.refresh_from_db()
    wish.refresh_from_db()
    assert (enrolment.status, enrolment.attended_hours, wish.status) == ("enrolled", 0, "open")
