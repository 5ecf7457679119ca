"""The support part's rules that change with time, as dated configuration: each a tuple of (effective_from, value)
rows, ascending; the row in force on a day is the last one that has started (`in_force`, as in
hrss/jobservices/loans/rules.py). A changed rule is a new row, never an edit of an old one.

Sources: none of these rows was checked against a document's text in this repository; each is marked [believed].
"""

import datetime

from hrss.core.dated import in_force

D = datetime.date


# How many days may pass after a recognised person's last visit (or, before the first, after the recognition)
# before the next is overdue [believed: 广东省 practice of 每月至少走访（联系）一次 for 就业困难人员, 粤人社规〔2023〕11号
# asks for 动态跟踪 without a number of days].
VISIT_INTERVAL_DAYS = ((D(2011, 1, 1), 30),)


def visit_interval(day):
    """The number of days allowed between visits on `day`."""
    return in_force(VISIT_INTERVAL_DAYS, day) or VISIT_INTERVAL_DAYS[0][1]


def overdue_cutoff(day):
    """A visit (or recognition) before this day is too long ago on `day`: overdue once more than the interval's
    days have passed (a visit exactly the interval ago is not yet overdue)."""
    return day - datetime.timedelta(days=visit_interval(day))


# How far after a visit the next one may be planned [believed: the interval above asks for a visit a month; a plan
# further than a year ahead is a typing error, and the attack report's 9999-12-31 was accepted before].
NEXT_VISIT_MAX_DAYS = ((D(2011, 1, 1), 366),)


def next_visit_latest(visited_on):
    """The latest day the next visit may be planned for after a visit on `visited_on`."""
    days = in_force(NEXT_VISIT_MAX_DAYS, visited_on) or NEXT_VISIT_MAX_DAYS[0][1]
    return visited_on + datetime.timedelta(days=days)
