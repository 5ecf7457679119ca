"""The end of flexible work: the reason and the date; 停止从业 makes the person 失业 in the ledger, a running subsidy
stops on that day, and a new registration may then be made."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.flexible import services
from hrss.residents.models import LabourStatus
from tests.assistance.flexible.conftest import approve, register
from tests.conftest import TODAY


def test_stopping_makes_the_person_unemployed_and_stops_the_subsidy(registration, recognised, village_assistant,
                                                                   township_reviewer, county_officer):
    subsidy = approve(services.apply_for_subsidy(actor=village_assistant, registration=registration),
                      township_reviewer, county_officer)
    ended = services.end_flexible(actor=village_assistant, registration=registration, ended_on=TODAY,
                                  reason="stopped", note="不再送外卖")
    assert ended.ended_on == TODAY and ended.end_reason == "stopped" and not ended.is_active
    ended.person.refresh_from_db()
    assert ended.person.labour_status == LabourStatus.UNEMPLOYED
    subsidy.refresh_from_db()
    assert subsidy.stopped_on == TODAY and "终止" in subsidy.stop_note
    again = register(village_assistant, ended.person, started_on=TODAY, form="hourly")
    assert again.is_active


def test_an_end_before_the_start_or_twice_is_refused(registration, village_assistant):
    with pytest.raises(ValidationError, match="终止日期应在开始从业日期"):
        services.end_flexible(actor=village_assistant, registration=registration,
                              ended_on=registration.started_on - datetime.timedelta(days=1), reason="stopped")
    with pytest.raises(ValidationError, match="请填写说明"):
        services.end_flexible(actor=village_assistant, registration=registration, ended_on=TODAY, reason="other")
    services.end_flexible(actor=village_assistant, registration=registration, ended_on=TODAY, reason="moved_away")
    registration.refresh_from_db()
    assert registration.person.labour_status == LabourStatus.FLEXIBLE  # a move changes it through its own service
    with pytest.raises(ValidationError, match="已于"):
        services.end_flexible(actor=village_assistant, registration=registration, ended_on=TODAY, reason="stopped")
