"""Date arithmetic in one place: whole years back for ages, months for reports and deadlines. Every module that needs
"the same day N years earlier", "N months later", "the first and last day of a month" or "how old on a day" asks
here, so 29 February and month ends are handled once (tests/core/test_dates.py)."""

import calendar
import datetime


def years_before(day, years):
    """The same calendar day `years` earlier (28 February for a 29 February): a person born on or before it is
    at least `years` old on `day`."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def age_on(birth_date, day):
    """Whole years from `birth_date` to `day`: someone born on 29 February turns a year older on 1 March of a
    common year (as years_before counts)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def month_bounds(year, month):
    """The first and the last day of a month."""
    return datetime.date(year, month, 1), month_end(year, month)


def add_months(day, months):
    """The same day `months` later (or earlier, when negative), clamped to the end of a shorter month:
    08-31 + 6 months = 02-28 (02-29 in a leap year)."""
    year, month = from_month_index(month_index(day.year, day.month) + months)
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def month_index(year, month):
    """A month as a count of months, so that months add and compare as numbers (2026-01 is 2025-12 + 1)."""
    return year * 12 + (month - 1)


def from_month_index(index):
    """(year, month) of a month_index."""
    return index // 12, index % 12 + 1
