"""The recognition's rules that change with time, as dated configuration (as hrss/jobservices/loans/rules.py): each a
tuple of (effective_from, value) rows, ascending; `in_force(rows, day)` is the last row started by `day`. An
application keeps the rules of the day each step happened. The categories are categories.py's.

Every row is [believed]: none was checked against a document's text here. Correct a row when the document is at
hand, and add a row for a new rule rather than editing an old one.
"""

import datetime

from hrss.core.dated import in_force

D = datetime.date


# 公示: working days the public notice runs (5-7 in practice; 5 taken) [believed: domain-rules §4, S-75 art. 15's
# template]. The notice starts the working day after the township passes the case and ends on the N-th working day.
NOTICE_WORKING_DAYS = ((D(2011, 1, 1), 5),)

# How long a recognition is valid (years from 认定日期) [believed: 广东 counties commonly recognise for 3 years, then a
# new recognition].
VALIDITY_YEARS = ((D(2011, 1, 1), 3),)

# The interval of the reviews of continuing eligibility (资格复核), in months [believed: annual].
REVIEW_MONTHS = ((D(2011, 1, 1), 12),)

# The review steps' deadlines (working days at the township and the county) [believed: 5, as the other reviews].
FIVE_WORKING_DAYS = ((D(2011, 1, 1), 5),)

# How many days ahead a review is listed as due (复核提醒) [believed: a month].
REVIEW_NOTICE_DAYS = 30


def notice_days(day):
    return in_force(NOTICE_WORKING_DAYS, day) or NOTICE_WORKING_DAYS[0][1]


def validity_years(day):
    return in_force(VALIDITY_YEARS, day) or VALIDITY_YEARS[0][1]


def review_months(day):
    return in_force(REVIEW_MONTHS, day) or REVIEW_MONTHS[0][1]
