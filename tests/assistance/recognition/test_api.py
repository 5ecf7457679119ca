"""The recognition API: an application taken in, moved through the township and its notice, an objection, the county's
approval, an exit; bad input answers 422 with the reason in Chinese; someone else's step 403; out of scope 404."""

import datetime

from hrss.accounts import services as account_services
from tests.assistance.recognition.conftest import DOCS, make_person
from tests.conftest import TODAY


def call(client, user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return client.get("/api/v1" + path, headers=headers)
    return client.post("/api/v1" + path, body, content_type="application/json", headers=headers)


def test_a_recognition_through_the_api(client, applicant, village_assistant, township_reviewer, county_officer,
                                       neighbour_county_officer):
    created = call(client, village_assistant, "post", "/assistance/recognitions",
                   {"person_id": applicant.pk, "category": "aged", "documents": DOCS})
    assert created.status_code == 201, created.content
    body = created.json()
    path = f"/assistance/recognitions/{body['id']}"
    assert body["case"]["step"] == "township_review" and body["status"] == "in_review"
    assert call(client, neighbour_county_officer, "get", path).status_code == 404
    refused = call(client, county_officer, "post", path + "/moves", {"action": "forward", "version": 1})
    assert refused.status_code == 403
    version = call(client, township_reviewer, "get", path).json()["case"]["version"]
    moved = call(client, township_reviewer, "post", path + "/moves", {"action": "forward", "version": version})
    assert moved.status_code == 200, moved.content
    assert moved.json()["case"]["step"] == "public_notice" and moved.json()["notice_until"]
    early = call(client, township_reviewer, "post", path + "/moves",
                 {"action": "forward", "version": moved.json()["case"]["version"]})
    assert early.status_code == 422 and "公示期满" in early.json()["detail"]
    objection = call(client, village_assistant, "post", path + "/objections", {"content": "据反映已就业"})
    # Today is the day the township passed it, before the notice's first day: an objection is recorded from then on.
    assert objection.status_code == 201, objection.content
    listed = call(client, county_officer, "get", "/assistance/recognitions?status=in_notice").json()
    assert [row["id"] for row in listed] == [body["id"]]
    assert call(client, county_officer, "get", "/assistance/recognitions?status=nonsense").status_code == 422


def test_an_intake_refused_answers_422_in_chinese(client, heyuan, village_assistant):
    person = make_person(village_assistant, status="employed")
    answer = call(client, village_assistant, "post", "/assistance/recognitions",
                  {"person_id": person.pk, "category": "aged", "documents": DOCS[:1]})
    assert answer.status_code == 422
    text = answer.json()["detail"]
    assert "已就业" in text and "缺少材料" in text


def test_an_exit_through_the_api(client, recognised, county_officer):
    late = call(client, county_officer, "post", f"/assistance/recognitions/{recognised.pk}/exit",
                {"reason": "moved_away", "exited_on": (TODAY + datetime.timedelta(days=1)).isoformat()})
    assert late.status_code == 422 and "退出日期" in late.json()["detail"]
    day = TODAY
    answer = call(client, county_officer, "post", f"/assistance/recognitions/{recognised.pk}/exit",
                  {"reason": "moved_away", "exited_on": day.isoformat()})
    assert answer.status_code == 200, answer.content
    assert answer.json()["status"] == "exited" and answer.json()["exit_reason"] == "moved_away"
    assert datetime.date.fromisoformat(answer.json()["exited_on"]) == day
