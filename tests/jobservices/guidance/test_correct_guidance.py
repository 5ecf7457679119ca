"""更正职业指导记录: only the office that recorded it corrects it, audited with before and after."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.jobservices.guidance import services
from tests.conftest import TODAY, login


@pytest.fixture
def given(village_assistant, person):
    return services.record_guidance(actor=village_assistant, person=person, given_on=TODAY, topic="job_search",
                                    advice="建议投递简历", next_step="none", today=TODAY)


def correct(actor, record, **overrides):
    values = {"given_on": record.given_on, "topic": "career_choice", "advice": "建议从事物流仓储",
              "next_step": "referral", "next_on": TODAY + datetime.timedelta(days=3), "today": TODAY, **overrides}
    return services.correct_guidance(actor=actor, record=record, **values)


def test_the_office_that_recorded_it_corrects_it(village_assistant, given):
    correct(village_assistant, given)
    given.refresh_from_db()
    assert (given.topic, given.advice, given.next_step) == ("career_choice", "建议从事物流仓储", "referral")
    entry = AuditEntry.objects.get(action="jobservices.guidance.corrected")
    assert entry.before["topic"] == "job_search" and entry.after["topic"] == "career_choice"
    assert "given_on" not in entry.after  # only what changed


def test_another_office_whose_scope_holds_the_person_may_not(township_officer, given):
    with pytest.raises(PermissionDenied, match="记录它的机构"):
        correct(township_officer, given)
    given.refresh_from_db()
    assert given.topic == "job_search"
    assert AuditEntry.objects.filter(action="jobservices.guidance.correct", outcome="denied").count() == 1


def test_a_correction_to_a_future_date_is_refused(village_assistant, given):
    with pytest.raises(ValidationError, match="晚于今天"):
        correct(village_assistant, given, given_on=TODAY + datetime.timedelta(days=1))


def test_the_page_offers_the_correction_only_to_the_recording_office(client, village_assistant, township_officer,
                                                                   given):
    assert "保存更正" in login(client, village_assistant).get(f"/jobservices/guidance/{given.pk}/").content.decode()
    page = login(client, township_officer).get(f"/jobservices/guidance/{given.pk}/").content.decode()
    assert "保存更正" not in page and "由记录它的机构" in page


def test_the_office_still_corrects_after_its_village_is_moved_to_another_township(
        system_admin, village_assistant, given, heyuan):
    from hrss.core import regions
    from tests.conftest import NEIGHBOUR_TOWNSHIP, VILLAGE

    regions.move_village(actor=system_admin, village=heyuan[VILLAGE], new_township=heyuan[NEIGHBOUR_TOWNSHIP])
    given.refresh_from_db()
    village_assistant.refresh_from_db()
    assert given.region_code != VILLAGE  # the record followed its village's new code
    correct(village_assistant, given)
    given.refresh_from_db()
    assert given.topic == "career_choice"


def test_the_api_corrects_for_the_recording_office_and_refuses_another(api, village_assistant, township_officer,
                                                                      given, person):
    body = {"person_id": person.pk, "given_on": TODAY.isoformat(), "topic": "other", "advice": "改为其他",
            "next_step": "none"}
    assert api(township_officer).post(f"/api/v1/guidance/{given.pk}/correction", body).status_code == 403
    response = api(village_assistant).post(f"/api/v1/guidance/{given.pk}/correction", body)
    assert response.status_code == 200 and response.json()["topic"] == "other"
