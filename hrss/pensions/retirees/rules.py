"""The retirees part's rules that change with time, as dated configuration (core.dated.in_force): each a tuple of
(effective_from, value) rows, ascending; the row in force on a day is the last one that has started. A changed rule
is a new row, never an edit of an old one. schemes/rules.py has no rule of retirees' visits, so they are here.

Sources: none of these rows was checked against a document's text; each is marked [believed] and shown on pages as
"依据待核实" (schemes.rules.shown_source)."""

import datetime

from hrss.core.dated import in_force
from hrss.core.dates import years_before
from hrss.pensions.schemes.rules import shown_source

D = datetime.date


# From what age a retiree is visited regularly (高龄退休人员) [believed: the community's practice of visiting
# retirees of 80 and over; no document seen].
AGED_FROM = ((D(2004, 1, 1), 80),)

# The longest gap between two visits, in days: of the aged, and of those the community marked sick (患病需关照)
# [believed: 80+ once a quarter, the sick once a month].
VISIT_INTERVAL_DAYS = ((D(2004, 1, 1), {"aged": 90, "sick": 30}),)

VISITS_SOURCE = "社区退休人员走访慰问工作惯例 [believed]"


def aged_from(day):
    return in_force(AGED_FROM, day)


def aged_born_by(day):
    """Someone born on or before this day is of the aged on `day` (their 80th birthday included)."""
    return years_before(day, aged_from(day))


def interval(day, reason):
    """The days allowed between visits on `day`, for `reason` "aged" or "sick"."""
    return in_force(VISIT_INTERVAL_DAYS, day)[reason]


def due_cutoff(day, reason):
    """A last visit before this day is too long ago on `day`: a visit exactly the interval ago is still in time,
    one a day earlier is due again."""
    return day - datetime.timedelta(days=interval(day, reason))


def visits_source():
    return shown_source(VISITS_SOURCE)


# The youngest age at which an enterprise employee may retire, by sex: early retirement for illness (men 50, women
# 45) or for special work types (women 45) [believed: 国发〔1978〕104号, text not seen here]. A registration saying a
# retiree retired younger is a typing error in the retirement or the birth date.
EARLIEST_RETIREMENT_AGE = ((D(1978, 6, 2), {"M": 50, "F": 45}),)
EARLIEST_RETIREMENT_SOURCE = "国发〔1978〕104号（因病、特殊工种提前退休） [believed]"


def earliest_retirement_age(day, sex):
    return in_force(EARLIEST_RETIREMENT_AGE, max(day, EARLIEST_RETIREMENT_AGE[0][0]))[sex]
