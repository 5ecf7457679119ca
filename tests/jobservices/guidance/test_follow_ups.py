"""职业指导待跟进: the office's records whose next step is dated within 7 days or past, until the person is given
guidance again; on the home page's pending work and the ledger's tab."""

import datetime

from hrss.core.pending import pending_work_for
from hrss.jobservices.guidance import services
from tests.conftest import TODAY, login

DAY = datetime.timedelta(days=1)


def given(actor, person, given_on, next_on, next_step="follow_up"):
    return services.record_guidance(actor=actor, person=person, given_on=given_on, topic="job_search",
                                    advice="建议", next_step=next_step, next_on=next_on, today=TODAY)


def follow_ups(user):
    return next((item for item in pending_work_for(user) if item.title == "职业指导待跟进"), None)


def test_a_next_step_is_due_from_seven_days_before_its_date(village_assistant, person):
    given(village_assistant, person, TODAY - 10 * DAY, TODAY + 7 * DAY)
    item = follow_ups(village_assistant)
    assert (item.count, item.overdue) == (1, 0)
    assert item.url == "/jobservices/guidance/?follow_up=1"


def test_eight_days_ahead_is_not_yet_due(village_assistant, person):
    given(village_assistant, person, TODAY - 10 * DAY, TODAY + 8 * DAY)
    assert follow_ups(village_assistant) is None


def test_a_past_date_is_overdue_until_the_person_is_given_guidance_again(village_assistant, person):
    given(village_assistant, person, TODAY - 10 * DAY, TODAY - DAY)
    assert follow_ups(village_assistant).overdue == 1
    given(village_assistant, person, TODAY, None, next_step="none")
    assert follow_ups(village_assistant) is None


def test_only_the_recording_office_is_reminded(village_assistant, township_officer, person):
    given(township_officer, person, TODAY - 10 * DAY, TODAY)
    assert follow_ups(village_assistant) is None and follow_ups(township_officer).count == 1


def test_the_ledger_tab_lists_the_due_ones(client, village_assistant, person):
    given(village_assistant, person, TODAY - 10 * DAY, TODAY - DAY)
    page = login(client, village_assistant).get("/jobservices/guidance/", {"follow_up": "1"}).content.decode()
    assert "张三" in page and "已过期" in page
