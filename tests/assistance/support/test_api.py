"""The support API: plans (a POST revises: the next version) and visits of a region; bad input answers 422 with
the reason in Chinese; outside the scope 404 and empty lists."""

import datetime

from hrss.accounts import services as account_services
from hrss.assistance.models import AssistancePlan, HomeVisit
from tests.conftest import TODAY, VILLAGE


def call(client, user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return client.get("/api/v1" + path, body or {}, headers=headers)
    return client.post("/api/v1" + path, body, content_type="application/json", headers=headers)


def test_plans_through_the_api(client, recognition, village_assistant, county_officer, neighbour_county_officer):
    body = {"recognition_id": recognition.pk, "items": ["guidance", "training"], "responsible_id": village_assistant.pk,
            "target_on": (TODAY + datetime.timedelta(days=60)).isoformat(), "notes": "参加培训"}
    first = call(client, village_assistant, "post", "/assistance/plans", body)
    assert first.status_code == 201, first.content
    assert first.json()["version"] == 1 and first.json()["person_id"] == recognition.person_id
    second = call(client, county_officer, "post", "/assistance/plans", {**body, "items": ["business"]})
    assert second.status_code == 201 and second.json()["version"] == 2
    assert AssistancePlan.objects.filter(recognition=recognition).count() == 2

    listed = call(client, county_officer, "get", "/assistance/plans", {"region": VILLAGE}).json()
    assert [(row["version"], row["items"]) for row in listed] == [(2, ["business"])]
    assert call(client, neighbour_county_officer, "get", "/assistance/plans").json() == []
    assert call(client, neighbour_county_officer, "get", "/assistance/plans", {"region": VILLAGE}).status_code == 404

    bad = call(client, village_assistant, "post", "/assistance/plans", {**body, "items": []})
    assert bad.status_code == 422 and "至少选择一项" in str(bad.json()["detail"])
    outside = call(client, neighbour_county_officer, "post", "/assistance/plans", body)
    assert outside.status_code == 404


def test_visits_through_the_api(client, recognition, village_assistant, neighbour_village_assistant):
    body = {"recognition_id": recognition.pk, "visited_on": TODAY.isoformat(), "way": "phone",
            "outcome": "电话联系，本人在找工作", "companions": "网格员"}
    made = call(client, village_assistant, "post", "/assistance/visits", body)
    assert made.status_code == 201, made.content
    assert made.json()["visitor_id"] == village_assistant.pk and made.json()["way"] == "phone"
    listed = call(client, village_assistant, "get", "/assistance/visits").json()
    assert [row["outcome"] for row in listed] == ["电话联系，本人在找工作"]

    future = call(client, village_assistant, "post", "/assistance/visits",
                  {**body, "visited_on": (TODAY + datetime.timedelta(days=1)).isoformat()})
    assert future.status_code == 422 and "晚于今天" in str(future.json()["detail"])
    before = call(client, village_assistant, "post", "/assistance/visits",
                  {**body, "visited_on": (recognition.recognised_on - datetime.timedelta(days=1)).isoformat()})
    assert before.status_code == 422 and "早于认定日期" in str(before.json()["detail"])
    far = call(client, village_assistant, "post", "/assistance/visits", {**body, "next_visit_on": "9999-12-31"})
    assert far.status_code == 422 and "下次走访日期9999-12-31太远" in str(far.json()["detail"])  # attack F4
    assert call(client, neighbour_village_assistant, "post", "/assistance/visits", body).status_code == 404
    assert call(client, neighbour_village_assistant, "get", "/assistance/visits").json() == []
    assert HomeVisit.objects.count() == 1
