"""动态清零's target: a case cleared on day 30 (cleared_on - found_on) is on time, on day 31 late; an open case past
day 30 is overdue. The days are counted from the dated rule (rules.target_days), and the dates from TODAY."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.households import rules, selectors, services
from hrss.assistance.models import HouseholdCaseStatus
from tests.assistance.households.conftest import starts_work
from tests.conftest import TODAY, VILLAGE

TARGET = rules.target_days(TODAY)


def _reported(family, actor, days_ago):
    head, spouse = family(VILLAGE)
    case = services.report_household(actor=actor, person=head, source="application",
                                     found_on=TODAY - datetime.timedelta(days=days_ago))
    return case, spouse


def test_the_target_is_thirty_days():
    assert TARGET == 30


@pytest.mark.parametrize(("days", "late"), [(TARGET - 1, False), (TARGET, False), (TARGET + 1, True)])
def test_cleared_on_day_30_is_on_time_and_on_day_31_late(heyuan, family, village_assistant, city_admin, days, late):
    case, spouse = _reported(family, village_assistant, TARGET + 1)
    started = case.found_on + datetime.timedelta(days=days)
    starts_work(city_admin, spouse, started)

    case = services.clear_household(actor=village_assistant, case=case, member=spouse, started_on=started,
                                    version=case.version)

    assert case.status == HouseholdCaseStatus.CLEARED
    assert case.days_to_clear == days
    assert rules.is_late(case.found_on, case.cleared_on) is late
    assert selectors.in_state(selectors.cases(village_assistant), "late", TODAY).exists() is late


@pytest.mark.parametrize(("days_ago", "overdue"), [(TARGET, False), (TARGET + 1, True)])
def test_an_open_case_is_overdue_after_day_30(heyuan, family, village_assistant, days_ago, overdue):
    case, _spouse = _reported(family, village_assistant, days_ago)
    assert case.days_open(TODAY) == days_ago
    assert selectors.in_state(selectors.cases(village_assistant), "overdue", TODAY).exists() is overdue
    assert rules.is_overdue(case.found_on, TODAY) is overdue


def test_a_member_not_in_work_in_the_ledger_does_not_clear_the_case(heyuan, family, village_assistant):
    case, spouse = _reported(family, village_assistant, 5)
    with pytest.raises(ValidationError, match="请先在人员页面"):
        services.clear_household(actor=village_assistant, case=case, member=spouse, started_on=TODAY)


def test_a_start_before_the_case_was_found_is_refused(heyuan, family, village_assistant, city_admin):
    case, spouse = _reported(family, village_assistant, 5)
    starts_work(city_admin, spouse, TODAY - datetime.timedelta(days=10))
    with pytest.raises(ValidationError, match="不能早于发现日期"):
        services.clear_household(actor=village_assistant, case=case, member=spouse,
                                 started_on=TODAY - datetime.timedelta(days=10))
