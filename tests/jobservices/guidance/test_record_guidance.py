"""记录职业指导: who may record it, for whom, and which dates and fields are refused."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.jobservices.guidance import services
from hrss.jobservices.models import GuidanceRecord
from tests.conftest import TODAY, TOWNSHIP, VILLAGE, login

DAY = datetime.timedelta(days=1)


def record(actor, person, **overrides):
    values = {"given_on": TODAY, "topic": "job_search", "advice": "建议每周参加一次街道招聘会", "next_step": "fair",
              "next_on": TODAY + 7 * DAY, "today": TODAY, **overrides}
    return services.record_guidance(actor=actor, person=person, **values)


def test_the_village_assistant_records_guidance_for_a_person_of_her_village(village_assistant, person):
    saved = record(village_assistant, person)
    assert (saved.person, saved.region_code, saved.office.code) == (person, VILLAGE, VILLAGE)
    assert (saved.advisor, saved.advisor_name, saved.given_on) == (village_assistant, "alice", TODAY)
    entry = AuditEntry.objects.get(action="jobservices.guidance.recorded")
    assert entry.subject_id_number == person.id_number and entry.after["topic"] == "job_search"


def test_the_township_officer_records_it_with_the_township_as_the_office(township_officer, person):
    assert record(township_officer, person).office.code == TOWNSHIP


def test_a_person_of_another_village_is_refused_and_the_refusal_audited(neighbour_village_assistant, person):
    with pytest.raises(PermissionDenied):
        record(neighbour_village_assistant, person)
    assert not GuidanceRecord.objects.exists()
    assert AuditEntry.objects.filter(action="jobservices.guidance.record", outcome="denied",
                                     actor=neighbour_village_assistant).count() == 1


def test_today_is_accepted_and_tomorrow_refused(village_assistant, person):
    record(village_assistant, person, given_on=TODAY, next_on=None)
    with pytest.raises(ValidationError, match="晚于今天"):
        record(village_assistant, person, given_on=TODAY + DAY, next_on=None)
    assert GuidanceRecord.objects.count() == 1


def test_the_next_step_cannot_come_before_the_session(village_assistant, person):
    record(village_assistant, person, given_on=TODAY - DAY, next_on=TODAY - DAY)  # the same day is fine
    with pytest.raises(ValidationError, match="早于指导日期"):
        record(village_assistant, person, given_on=TODAY - DAY, next_on=TODAY - 2 * DAY)


@pytest.mark.parametrize(("overrides", "message"), [
    ({"topic": "fortune"}, "请选择指导内容"),
    ({"advice": "   "}, "请填写指导意见"),
    ({"next_step": "other", "next_step_note": ""}, "写明下一步"),
    ({"next_step": "none", "next_on": TODAY}, "不填下一步日期"),
])
def test_incomplete_records_are_refused_saying_what_to_fix(village_assistant, person, overrides, message):
    with pytest.raises(ValidationError, match=message):
        record(village_assistant, person, **overrides)
    assert not GuidanceRecord.objects.exists()


def test_the_page_records_it_and_the_person_page_shows_it(client, village_assistant, person):
    login(client, village_assistant)
    page = client.get(f"/residents/{person.pk}/")
    assert "记录职业指导" in page.content.decode()
    response = client.post(f"/jobservices/guidance/new/{person.pk}/", {
        "given_on": TODAY.isoformat(), "topic": "training", "advice": "建议参加电工培训", "next_step": "training",
        "next_on": (TODAY + 10 * DAY).isoformat()})
    assert response.status_code == 302
    body = client.get(f"/residents/{person.pk}/").content.decode()
    assert "技能培训建议" in body and "建议参加电工培训" in body


def test_the_page_shows_a_future_date_as_an_error(client, village_assistant, person):
    login(client, village_assistant)
    response = client.post(f"/jobservices/guidance/new/{person.pk}/", {
        "given_on": (TODAY + DAY).isoformat(), "topic": "training", "advice": "x", "next_step": "none"})
    assert response.status_code == 200 and "晚于今天" in response.content.decode()
    assert not GuidanceRecord.objects.exists()


def test_the_api_records_and_reads_it(api, village_assistant, person):
    client = api(village_assistant)
    response = client.post("/api/v1/guidance", {
        "person_id": person.pk, "given_on": TODAY.isoformat(), "topic": "policy", "advice": "讲解就业补贴政策",
        "next_step": "none"})
    assert response.status_code == 201, response.content
    record_id = response.json()["id"]
    assert client.get(f"/api/v1/guidance/{record_id}").json()["advice"] == "讲解就业补贴政策"
    assert [row["id"] for row in client.get("/api/v1/guidance").json()] == [record_id]
    refused = client.post("/api/v1/guidance", {
        "person_id": person.pk, "given_on": (TODAY + DAY).isoformat(), "topic": "policy", "advice": "x",
        "next_step": "none"})
    assert refused.status_code == 422 and "晚于今天" in str(refused.json())
