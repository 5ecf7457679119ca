"""The repayment schedule (loans.schedule): both methods, rounding to the fen with the last instalment absorbing the
remainder, due dates from the start date across month ends and leap years, and how instalments stand."""

import datetime
from decimal import Decimal

import pytest

from hrss.jobservices.loans import schedule

D = datetime.date


@pytest.mark.parametrize("method", [schedule.EQUAL_INSTALMENTS, schedule.INTEREST_MONTHLY])
@pytest.mark.parametrize("principal,rate,months", [
    ("50000", "5.31", 24), ("200000", "3.85", 36), ("100000.01", "4.35", 7), ("30000", "0", 12)])
def test_the_instalments_pay_back_the_principal_exactly(method, principal, rate, months):
    periods = schedule.schedule(principal=Decimal(principal), annual_rate=Decimal(rate), term_months=months,
                                start=D(2026, 3, 15), method=method)
    assert len(periods) == months
    assert sum(p.principal for p in periods) == Decimal(principal)
    assert periods[-1].balance == 0
    assert all(p.principal == p.principal.quantize(Decimal("0.01")) for p in periods)
    assert all(p.interest == p.interest.quantize(Decimal("0.01")) for p in periods)


def test_equal_instalments_pay_the_same_each_month_but_the_last():
    periods = schedule.schedule(principal=Decimal(100_000), annual_rate=Decimal("6"), term_months=12,
                                start=D(2026, 1, 10), method=schedule.EQUAL_INSTALMENTS)
    # 100,000 at 0.5% a month over 12 months: 8,606.64 a month (the annuity formula, to the fen).
    assert {p.total for p in periods[:-1]} == {Decimal("8606.64")}
    assert periods[0].interest == Decimal("500.00")
    assert periods[0].principal == Decimal("8106.64")
    assert abs(periods[-1].total - Decimal("8606.64")) < Decimal("0.10")


def test_interest_monthly_pays_the_principal_at_the_end():
    periods = schedule.schedule(principal=Decimal(50_000), annual_rate=Decimal("4.8"), term_months=24,
                                start=D(2026, 1, 10), method=schedule.INTEREST_MONTHLY)
    assert [p.principal for p in periods[:-1]] == [Decimal("0.00")] * 23
    assert periods[-1].principal == Decimal(50_000)
    assert {p.interest for p in periods} == {Decimal("200.00")}


def test_a_loan_started_on_31_january_falls_due_at_each_month_end():
    periods = schedule.schedule(principal=Decimal(10_000), annual_rate=Decimal("4"), term_months=4,
                                start=D(2027, 1, 31), method=schedule.EQUAL_INSTALMENTS)
    assert [p.due_date for p in periods] == [D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30), D(2027, 5, 31)]


def test_a_leap_year_february_has_its_29th():
    periods = schedule.schedule(principal=Decimal(10_000), annual_rate=Decimal("4"), term_months=13,
                                start=D(2027, 2, 28), method=schedule.INTEREST_MONTHLY)
    assert periods[11].due_date == D(2028, 2, 28)  # the same day, not the month end
    started_31 = schedule.due_dates(D(2027, 12, 31), 3)
    assert started_31 == [D(2028, 1, 31), D(2028, 2, 29), D(2028, 3, 31)]


def test_the_subsidy_is_the_subsidised_share_of_each_interest():
    periods = schedule.schedule(principal=Decimal(200_000), annual_rate=Decimal("3.85"), term_months=36,
                                start=D(2026, 6, 15), method=schedule.INTEREST_MONTHLY,
                                subsidised_rate=Decimal("1.5"))
    # 200,000 x 3.85% / 12 = 641.67 a month, of which 1.5/3.85 is the budget's: 250.00.
    assert periods[0].interest == Decimal("641.67")
    assert periods[0].subsidy == Decimal("250.00")


def test_repayments_pay_the_earliest_instalments_first():
    paid, left = schedule.allocate([Decimal(100), Decimal(100), Decimal(100)],
                                   [(D(2026, 2, 1), Decimal(150)), (D(2026, 3, 5), Decimal(60))])
    assert paid[0] == schedule.Paid(Decimal(100), D(2026, 2, 1))
    assert paid[1] == schedule.Paid(Decimal(100), D(2026, 3, 5))
    assert paid[2] == schedule.Paid(Decimal(10), None)
    assert left == 0


def test_an_instalment_paid_late_or_unpaid_is_overdue_and_loses_its_subsidy():
    due, subsidy = D(2026, 5, 31), Decimal("250.00")
    on_time = schedule.standing(due_date=due, paid_on=due, planned_subsidy=subsidy, today=D(2026, 6, 15))
    assert (on_time.state, on_time.days_overdue, on_time.subsidy) == (schedule.PAID, 0, subsidy)
    late = schedule.standing(due_date=due, paid_on=D(2026, 6, 3), planned_subsidy=subsidy, today=D(2026, 6, 15))
    assert (late.state, late.days_overdue, late.subsidy) == (schedule.PAID_LATE, 3, 0)
    unpaid = schedule.standing(due_date=due, paid_on=None, planned_subsidy=subsidy, today=D(2026, 6, 15))
    assert (unpaid.state, unpaid.days_overdue, unpaid.subsidy) == (schedule.OVERDUE, 15, 0)
    assert unpaid.label == "逾期未还（15天）"
    not_yet = schedule.standing(due_date=D(2026, 6, 30), paid_on=None, planned_subsidy=subsidy,
                                today=D(2026, 6, 15))
    assert (not_yet.state, not_yet.subsidy) == (schedule.DUE, None)
    on_the_day = schedule.standing(due_date=due, paid_on=None, planned_subsidy=subsidy, today=due)
    assert not on_the_day.overdue


def test_overdue_from_the_day_after_the_due_date():
    due, subsidy = D(2026, 5, 31), Decimal("10.00")
    on_the_day = schedule.standing(due_date=due, paid_on=None, planned_subsidy=subsidy, today=due)
    day_after = schedule.standing(due_date=due, paid_on=None, planned_subsidy=subsidy, today=D(2026, 6, 1))
    assert (on_the_day.state, on_the_day.days_overdue) == (schedule.DUE, 0)
    assert (day_after.state, day_after.days_overdue) == (schedule.OVERDUE, 1)
    paid_on_the_day = schedule.standing(due_date=due, paid_on=due, planned_subsidy=subsidy, today=D(2026, 6, 15))
    assert paid_on_the_day.subsidy == subsidy
