"""The enrolment part's own rules that change with time, as dated configuration ((effective_from, value) rows,
ascending, read with core.dated.in_force). The rules of the scheme itself (age, documents, tiers) are the schemes
part's (hrss/pensions/schemes/rules.py); these are the window's practice.

Sources: none of these rows was checked against a document's text; each is marked [believed] and shown as
依据待核实 where a page names it."""

import datetime

from hrss.core.dated import in_force

D = datetime.date

# An enrolment waiting for documents (一次性告知 given) is the village's pending work once more than this many working
# days have passed since the intake [believed: no deadline found in 广东's 经办规程; five working days is the window's
# usual 办结时限].
PENDING_WORKING_DAYS = ((D(2009, 9, 1), 5),)
PENDING_SOURCE = "窗口办结时限惯例 [believed]"

# How many days before the day of entry the documents may have been handed in (an intake entered late) [believed:
# a month, so that a window's paper register can be caught up after a system outage, and no further].
BACKDATE_DAYS = ((D(2009, 9, 1), 30),)


def pending_working_days(day):
    return in_force(PENDING_WORKING_DAYS, day) or PENDING_WORKING_DAYS[0][1]


def backdate_days(day):
    return in_force(BACKDATE_DAYS, day) or BACKDATE_DAYS[0][1]
