"""The monthly report's rules as dated configuration (core/dated.py): by when a township submits (上报) its report of
a month. A changed rule is a new row, so a month keeps the rule in force on its last day."""

import datetime

from hrss.core import workdays
from hrss.core.dated import in_force
from hrss.core.dates import month_end

# [believed] The plan asks every township for a monthly report; the day is not written there. Taken as the 5th
# working day (core.workdays: holidays and 调休 counted) of the next month, as county 人社局 commonly set it.
SUBMIT_BY_WORKING_DAY = ((datetime.date(2011, 1, 1), 5),)

# The first month a report can be generated for (the plan's programme began in 2011).
FIRST_MONTH = datetime.date(2011, 1, 1)


def last_day(month):
    return month_end(month.year, month.month)


def deadline_of(month, calendar=None):
    """The last day to submit the report of `month` (its first day) on time: the rule's N-th working day after the
    month's last day, or None when that year's holiday arrangement is not loaded (never guessed from weekends)."""
    end = last_day(month)
    days = in_force(SUBMIT_BY_WORKING_DAY, end)
    try:
        return (calendar or workdays.Calendar.load()).add(end, days)
    except workdays.UnknownArrangement:
        return None


def working_days_for(month):
    """The N of "the N-th working day of the next month" for the report of `month`."""
    return in_force(SUBMIT_BY_WORKING_DAY, last_day(month))
