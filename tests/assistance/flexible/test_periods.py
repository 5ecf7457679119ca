"""The subsidy per quarter: the proof of payment and the subsidy (a share of what was paid, capped by the month, by
the rule of the application date); the last quarter within the maximum duration is taken, the one after it refused;
no period once the registration has ended."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hrss.assistance.flexible import rules, selectors, services
from hrss.core import dates
from tests.assistance.flexible.conftest import approve, recognise, register
from tests.conftest import TODAY


@pytest.fixture
def old_subsidy(worker, village_assistant, township_reviewer, county_officer):
    """A subsidy applied for far enough back that its maximum duration has run out before the current quarter."""
    rule_months = rules.subsidy_rule(TODAY).max_months
    applied_on = dates.add_months(TODAY, -(rule_months + 4))
    recognise(worker, village_assistant, applied_on - datetime.timedelta(days=30), dates.add_months(TODAY, 12))
    registration = register(village_assistant, worker, started_on=applied_on - datetime.timedelta(days=5),
                            today=applied_on)
    registration = services.verify_flexible(actor=village_assistant, registration=registration,
                                            verified_on=applied_on, note="核实", today=applied_on)
    subsidy = services.apply_for_subsidy(actor=village_assistant, registration=registration, today=applied_on)
    return approve(subsidy, township_reviewer, county_officer, today=applied_on)


def _next_quarter(year, quarter):
    return (year, quarter + 1) if quarter < 4 else (year + 1, 1)


def test_the_last_quarter_of_the_maximum_is_taken_and_the_next_refused(old_subsidy, county_officer):
    year, quarter = rules.quarter_of(old_subsidy.limit_until)
    first, _last = rules.quarter_bounds(year, quarter)
    allowed = rules.months_within(first, old_subsidy.limit_until, year, quarter)
    if allowed < 3:  # the maximum ends inside the quarter: only its months within the maximum are paid
        should = "1个月" if allowed == 1 else f"1至{allowed}个月"
        with pytest.raises(ValidationError, match=f"缴费月数应为{should}"):
            services.record_period(actor=county_officer, subsidy=old_subsidy, year=year, quarter=quarter,
                                   months=allowed + 1, paid_amount=Decimal(900))
    period = services.record_period(actor=county_officer, subsidy=old_subsidy, year=year, quarter=quarter,
                                    months=allowed, paid_amount=Decimal(300) * allowed, proof="票据")
    assert period.subsidy_amount == Decimal(200) * allowed  # two thirds of what was paid, under the cap
    after = _next_quarter(year, quarter)
    with pytest.raises(ValidationError, match="超过补贴最长期限"):
        services.record_period(actor=county_officer, subsidy=old_subsidy, year=after[0], quarter=after[1], months=1,
                               paid_amount=Decimal(300))


def test_the_subsidy_is_capped_by_the_month_and_a_quarter_is_recorded_once(old_subsidy, county_officer):
    year, quarter = rules.quarter_of(old_subsidy.subsidy_from)
    months = rules.months_within(old_subsidy.subsidy_from, old_subsidy.limit_until, year, quarter)
    cap = rules.subsidy_rule(old_subsidy.applied_on).monthly_cap
    period = services.record_period(actor=county_officer, subsidy=old_subsidy, year=year, quarter=quarter,
                                    months=months, paid_amount=cap * 3 * months)
    assert period.subsidy_amount == cap * months
    with pytest.raises(ValidationError, match="已录入"):
        services.record_period(actor=county_officer, subsidy=old_subsidy, year=year, quarter=quarter, months=1,
                               paid_amount=Decimal(100))


def test_no_period_after_the_registration_ended(registration, recognised, village_assistant, township_reviewer,
                                                county_officer):
    subsidy = approve(services.apply_for_subsidy(actor=village_assistant, registration=registration),
                      township_reviewer, county_officer)
    services.end_flexible(actor=village_assistant, registration=registration,
                          ended_on=TODAY, reason="stopped")
    subsidy.refresh_from_db()
    subsidy.registration.refresh_from_db()
    year, quarter = _next_quarter(*rules.quarter_of(TODAY))
    with pytest.raises(ValidationError):
        services.record_period(actor=county_officer, subsidy=subsidy, year=year, quarter=quarter, months=1,
                               paid_amount=Decimal(300), today=rules.quarter_bounds(year, quarter)[0])
    assert services.entitlement_end(subsidy) == TODAY


def test_the_quarter_figures(registration, recognised, village_assistant, township_reviewer, county_officer, heyuan):
    subsidy = approve(services.apply_for_subsidy(actor=village_assistant, registration=registration),
                      township_reviewer, county_officer)
    year, quarter = rules.quarter_of(TODAY)
    services.record_period(actor=county_officer, subsidy=subsidy, year=year, quarter=quarter, months=1,
                           paid_amount=Decimal(450))
    village = heyuan[registration.region_code]
    assert selectors.count_active(county_officer, village, TODAY) == 1
    assert selectors.count_receiving(county_officer, village, TODAY) == 1
    assert selectors.amount_this_quarter(county_officer, village, TODAY) == 300


def test_the_village_does_not_record_periods(registration, recognised, village_assistant, township_reviewer,
                                             county_officer):
    subsidy = approve(services.apply_for_subsidy(actor=village_assistant, registration=registration),
                      township_reviewer, county_officer)
    year, quarter = rules.quarter_of(TODAY)
    with pytest.raises(PermissionDenied):
        services.record_period(actor=village_assistant, subsidy=subsidy, year=year, quarter=quarter, months=1,
                               paid_amount=Decimal(450))


def test_the_form_offers_the_eligible_months_and_one_month_reads_as_one(client, running_subsidy, county_officer):
    """A subsidy applied for this month: the current quarter's eligible months are those from this month to the
    quarter's end; the form defaults to them. A quarter with one eligible month says 应为1个月."""
    year, quarter = rules.quarter_of(TODAY)
    eligible = 3 - (TODAY.month - 1) % 3
    assert services.months_allowed(running_subsidy, year, quarter) == eligible
    client.force_login(county_officer)
    page = client.get(reverse("assistance:flexible-subsidy-detail", args=[running_subsidy.pk])).content.decode()
    assert f'name="months" value="{eligible}"' in page
    running_subsidy.subsidy_from = rules.quarter_bounds(year, quarter)[1].replace(day=1)  # the quarter's last month
    assert services.months_allowed(running_subsidy, year, quarter) == 1
    problems = services.period_problems(subsidy=running_subsidy, year=year, quarter=quarter, months=2,
                                        paid_amount=Decimal(300), today=TODAY)
    assert any("缴费月数应为1个月" in p for p in problems) and not any("1至1" in p for p in problems)
