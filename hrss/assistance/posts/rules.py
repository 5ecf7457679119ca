"""The public-welfare posts' rules that change with time, as dated configuration: each a tuple of (effective_from,
value) rows, ascending; the row in force on a day is the last one that has started (`in_force`). A placement keeps
the subsidy period of its start date; a post's default amounts are those in force on the day it opens (the officer
may type the county's own).

Sources: none of these rows was checked against the documents' text in this repository; each is marked [believed]
with the document it is believed to come from. Correct a row (or its date) when the document is at hand, and add a
row for a new rule rather than editing an old one.

How a month is subsidised (the roll, posts/roll.py) [believed: what a county finance office pays against, a
calendar-month roll]: the subsidy period is counted in calendar months from the month of the start; a month in
which the person held the post on any subsidised day is one month used; the amounts of a month held only in part
(the start's month, the end's, the subsidy's last) are prorated by the days held over the month's days, to the fen.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from hrss.core.dated import in_force

D = datetime.date


@dataclass(frozen=True)
class SubsidyTerm:
    """The longest subsidy a person may have in public-welfare posts, counted over all their placements, and the
    exception: someone with less than `to_retirement_within_years` years to their statutory retirement when placed
    is subsidised until they retire (None: no exception)."""

    months: int
    to_retirement_within_years: int | None
    source: str

    @property
    def source_text(self):
        """The source as the UI shows it: the developers' "[believed]" marker becomes "依据待核实"."""
        return shown_source(self.source)


BELIEVED = "[believed]"


def shown_source(source):
    """A rule's source for a page or a message: without the "[believed]" marker, which becomes "，依据待核实"."""
    if BELIEVED not in source:
        return source
    return f"{source.replace(BELIEVED, '').strip()}，依据待核实"


SUBSIDY_TERMS = (
    # Before 2017 the period was set locally; 广东's practice of 3 years is taken [believed, unsourced: the 2011 rule
    # of 河源 was not found]. 就业促进法 (in force 2008-01-01) art. 53 for the posts themselves.
    (D(2008, 1, 1), SubsidyTerm(36, None, "地方规定（约定为3年）[believed]")),
    # 财社〔2017〕164号 (2017-10-13 [believed]): at most 3 years, to retirement for those with less than 5 years
    # to go [believed: domain-rules §4].
    (D(2017, 10, 13), SubsidyTerm(36, 5, "财社〔2017〕164号 [believed]")),
)


def subsidy_term_on(day):
    return in_force(SUBSIDY_TERMS, day) or SUBSIDY_TERMS[0][1]


# The post subsidy's default: the minimum wage of 河源 (广东's fourth class of cities) in force [believed: the
# figures of 广东's successive minimum-wage notices as remembered, not checked; the county may pay otherwise].
POST_SUBSIDY = (
    (D(2011, 3, 1), Decimal(850)),
    (D(2013, 5, 1), Decimal(1010)),
    (D(2015, 5, 1), Decimal(1210)),
    (D(2018, 7, 1), Decimal(1410)),
    (D(2021, 12, 1), Decimal(1620)),
    (D(2025, 3, 1), Decimal(1720)),
)

# The social-insurance subsidy's default a month: the unit's share of 养老、医疗、失业、工伤 at the lowest base
# [believed, rounded illustrative amounts, not checked against 河源's bases; to be replaced by the county's figure].
INSURANCE_SUBSIDY = (
    (D(2011, 3, 1), Decimal(300)),
    (D(2018, 7, 1), Decimal(600)),
    (D(2021, 12, 1), Decimal(750)),
)


def default_amounts(day):
    """(post subsidy, social-insurance subsidy) a person a month, for a post opened on `day`."""
    return (in_force(POST_SUBSIDY, day) or POST_SUBSIDY[0][1],
            in_force(INSURANCE_SUBSIDY, day) or INSURANCE_SUBSIDY[0][1])


# Pending work: placements whose subsidy ends within this many days [believed: a month's notice to the unit].
ENDING_SOON_DAYS = 30

# A post's opening day (开发日期) may not be before the area's first year (2007: the year 就业促进法 was passed, art.
# 53 on public-welfare posts; the community assessments' floor too) nor more than OPEN_AHEAD_MONTHS ahead (a post
# is registered when it is about to open), and its closing day (截止日期) not more than OPEN_UNTIL_AHEAD_MONTHS
# ahead [believed: sensible bounds against typing errors, not a rule of any document].
EARLIEST_OPEN_FROM = D(2007, 1, 1)
OPEN_AHEAD_MONTHS = 12
OPEN_UNTIL_AHEAD_MONTHS = 60
