"""The subsidy's arithmetic: a placement's subsidy period, the months it uses, and what a month of the roll pays
(月度补贴发放花名册). The rule for months held in part is rules.py's: a calendar month touched by a subsidised day
is a month used; its amounts are prorated by the days held."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hrss.assistance.posts import rules
from hrss.core.dates import add_months, from_month_index, month_bounds, month_end, month_index
from hrss.core.working_age import retirement_month

FEN = Decimal("0.01")


def retirement_day(person):
    """The first day of the month the person reaches the statutory retirement age (core.working_age)."""
    year, month = retirement_month(person.birth_date, person.sex, person.retirement_category)
    return datetime.date(year, month, 1)


def subsidised_span(placement):
    """(first, last) day the placement is subsidised: from its start to the subsidy's end or its own, if earlier."""
    last = placement.subsidy_until if placement.ended_on is None else min(placement.subsidy_until, placement.ended_on)
    return placement.started_on, last


def months_touched(first, last):
    """The number of calendar months with a day in [first, last] (0 when last < first)."""
    if last < first:
        return 0
    return month_index(last.year, last.month) - month_index(first.year, first.month) + 1


def months_used(placements):
    """Subsidised months of these (the person's ended) placements."""
    return sum(months_touched(*subsidised_span(placement)) for placement in placements)


@dataclass(frozen=True)
class Period:
    subsidy_until: datetime.date | None  # None: the limit is reached, no subsidy is left
    to_retirement: bool
    term: rules.SubsidyTerm
    months_left: int


def subsidy_period(person, started_on, months_before):
    """The subsidy's last day for a placement of `person` starting on `started_on`, who has had `months_before`
    subsidised months in earlier posts, by the term in force on the start day: to the last day before the
    retirement month for someone with less than the term's years to retirement, else the end of the calendar month
    that uses the last of the months left (and never past the retirement month)."""
    term = rules.subsidy_term_on(started_on)
    retires = retirement_day(person)
    before_retirement = retires - datetime.timedelta(days=1)
    within = term.to_retirement_within_years
    if within is not None and add_months(started_on, within * 12) > retires:
        return Period(before_retirement, True, term, term.months - months_before)
    left = term.months - months_before
    if left <= 0:
        return Period(None, False, term, left)
    last = month_end(*from_month_index(month_index(started_on.year, started_on.month) + left - 1))
    return Period(min(last, before_retirement), False, term, left)


@dataclass(frozen=True)
class RollLine:
    placement: object
    days: int  # days subsidised in the month
    month_days: int
    months_used: int  # the person's subsidised months so far, this one included
    post_subsidy: Decimal
    insurance_subsidy: Decimal

    @property
    def total(self):
        return self.post_subsidy + self.insurance_subsidy

    @property
    def full_month(self):
        return self.days == self.month_days


def _prorated(monthly, days, month_days):
    if days == month_days:
        return Decimal(monthly)
    return (Decimal(monthly) * days / month_days).quantize(FEN, rounding=ROUND_HALF_UP)


def roll_line(placement, year, month):
    """What the placement is paid for the month, or None when no day of it is subsidised."""
    first_day, last_day = month_bounds(year, month)
    start, end = subsidised_span(placement)
    first, last = max(start, first_day), min(end, last_day)
    if last < first:
        return None
    days, month_days = (last - first).days + 1, last_day.day
    post = placement.post
    return RollLine(placement=placement, days=days, month_days=month_days,
                    months_used=placement.months_before + months_touched(start, last_day if end > last_day else end),
                    post_subsidy=_prorated(post.post_subsidy, days, month_days),
                    insurance_subsidy=_prorated(post.insurance_subsidy, days, month_days))


def parse_month(text, default):
    """(year, month) of "YYYY-MM" (or "YYYY-M"), or `default` when empty; ValueError when malformed."""
    if not text:
        return default
    year, _, month = text.partition("-")
    year, month = int(year), int(month)
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise ValueError(text)
    return year, month
