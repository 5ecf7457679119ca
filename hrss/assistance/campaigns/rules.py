"""The campaigns' dated configuration: the usual yearly campaigns of 就业援助 and their usual dates, offered as
suggestions when a campaign is made (the county or city sets its own dates). [believed]: 就业援助月 is held each year
from the start of the year to around 春节 (人社部's yearly notice; recent years 1月上旬至2月), 春风行动 in the first
quarter; not checked against the notices in this repository."""

import datetime

from hrss.core.dated import in_force
from hrss.core.dates import add_months

D = datetime.date

# (effective_from, [(name, (month, day) start, (month, day) end)]): the kinds of campaign known from that year on.
KINDS = (
    (D(2004, 1, 1), [("春风行动", (1, 1), (3, 31))]),
    (D(2009, 1, 1), [("就业援助月", (1, 1), (2, 28)), ("春风行动", (1, 1), (3, 31))]),
)

MAX_DAYS = 366  # a campaign lasts at most a year: a longer one is a typing error

# The dates a campaign may have: not before the first kind of campaign known here (春风行动, 2004), and ending at
# most a year after today (a campaign is planned ahead, not years ahead): an earlier or a later date is a typing
# error (1900-01-01, 2099-…).
FIRST_DAY = KINDS[0][0]
MONTHS_AHEAD = 12


def last_day(today):
    """The last day a campaign made on `today` may end on."""
    return add_months(today, MONTHS_AHEAD)


def suggested(day):
    """[(name, starts_on, ends_on)] for the year of `day`."""
    return [(name, D(day.year, *start), D(day.year, *end)) for name, start, end in in_force(KINDS, day) or []]
