"""A recognition's exit stops the subsidy standing on it (attack F3): the recognition part's exit runs the flexible
part's hook in its transaction; the subsidy's stopped_on is the exit day, the stop is audited, the subsidy no longer
counts as received, and no period after the exit can be recorded."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.flexible import rules, selectors, services
from hrss.assistance.models import FlexibleSubsidy
from hrss.assistance.recognition import services as recognition_services
from hrss.core.models import AuditEntry, Region
from tests.conftest import TODAY, VILLAGE


def test_the_exit_stops_the_running_subsidy(running_subsidy, recognised, village_assistant, county_officer):
    village = Region.objects.get(code=VILLAGE)
    assert selectors.count_receiving(county_officer, village, TODAY) == 1
    recognition_services.exit_recognition(actor=village_assistant, recognition=recognised, reason="stable_work",
                                          exited_on=TODAY)
    subsidy = FlexibleSubsidy.objects.get(pk=running_subsidy.pk)
    assert subsidy.stopped_on == TODAY and "认定退出" in subsidy.stop_note and "实现稳定就业" in subsidy.stop_note
    entry = AuditEntry.objects.get(action="assistance.flexible_subsidy.stopped")
    assert entry.actor == village_assistant and entry.region_code == VILLAGE
    assert selectors.count_receiving(county_officer, village, TODAY) == 0
    # No period beyond the recognition's last day (the day before the exit).
    following = rules.quarter_of(rules.quarter_bounds(*rules.quarter_of(TODAY))[1] + datetime.timedelta(days=1))
    assert services.entitlement_end(subsidy) == TODAY - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        services.record_period(actor=county_officer, subsidy=subsidy, year=following[0], quarter=following[1],
                               months=1, paid_amount=Decimal(300), today=TODAY + datetime.timedelta(days=100))


def test_an_already_stopped_subsidy_is_left_as_it_was(running_subsidy, recognised, registration, village_assistant):
    services.end_flexible(actor=village_assistant, registration=registration, ended_on=TODAY, reason="hired")
    before = FlexibleSubsidy.objects.get(pk=running_subsidy.pk)
    recognition_services.exit_recognition(actor=village_assistant, recognition=recognised, reason="stable_work",
                                          exited_on=TODAY)
    after = FlexibleSubsidy.objects.get(pk=running_subsidy.pk)
    assert (after.stopped_on, after.stop_note) == (before.stopped_on, before.stop_note)
    assert not AuditEntry.objects.filter(action="assistance.flexible_subsidy.stopped").exists()
