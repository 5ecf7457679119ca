"""Date arithmetic in one place: whole years back for ages, months for reports. Every module that needs "the same day
N years earlier" or "the last day of a month" asks here, so 29 February and month ends are handled once."""

import calendar
import datetime


def years_before(day, years):
    """The same calendar day `years` earlier (28 February for a 29 February): a person born on or before it is
    at least `years` old on `day`."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day, months):
    """The same day `months` later (or earlier, when negative), clamped to the end of a shorter month."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))
