"""The 零就业家庭 rules that change with time, as dated configuration: each a tuple of (effective_from, value) rows,
ascending; the row in force on a day is the last one that has started (`in_force`, read as in
hrss/jobservices/loans/rules.py). A changed rule is a new row, not an edit of an old one.

Sources: none of these rows was checked against a document's text in this repository; each is marked [believed]."""

import datetime

from hrss.core.dated import in_force

D = datetime.date


# 动态清零: a household found is to be cleared (a member in work) within this many days of the day it was found;
# cleared on day 30 (cleared_on - found_on = 30) is on time, day 31 late. [believed: "一个月内" as the usual target
# of 发现一户、援助一户、消除一户 (domain-rules §4), read as 30 days; the starting date is the 2008 就业促进法's
# entry into force (art. 56), not checked against a provincial document]
CLEAR_TARGET_DAYS = ((D(2008, 1, 1), 30),)


# A case reported by the village (居民申报 / 他人上报) may carry a finding day at most this many days before the day
# it is entered: a household found earlier and still without anyone in work is entered as found today, with the
# first finding in the note (so its days to clear are not skewed, and a year like 1900 is refused). [believed: a
# year back covers the paper ledgers of the current year kept before the system; no document sets a limit]
REPORT_BACKDATE_DAYS = ((D(2008, 1, 1), 365),)

# 城镇 and 农村 in plain words for a village assistant (the ledger's rule is residents.selectors.URBAN_DEFINITION:
# a village-level code 001–199 is a 居民委员会, 200–399 a 村民委员会).
URBAN_IN_PLAIN_WORDS = "住在社区（居民委员会）的家庭是城镇家庭；住在村（村民委员会）的家庭是农村家庭"


def earliest_found_on(today):
    """The earliest finding day a report entered on `today` may carry."""
    days = in_force(REPORT_BACKDATE_DAYS, today) or REPORT_BACKDATE_DAYS[0][1]
    return today - datetime.timedelta(days=days)


def target_days(found_on):
    """The days a case found on `found_on` has to be cleared in (the rule of its finding day)."""
    return in_force(CLEAR_TARGET_DAYS, found_on) or CLEAR_TARGET_DAYS[0][1]


def is_late(found_on, cleared_on):
    """Cleared later than the target: more days than target_days(found_on)."""
    return (cleared_on - found_on).days > target_days(found_on)


def is_overdue(found_on, today):
    """An open case past its target on `today`."""
    return (today - found_on).days > target_days(found_on)


def _periods():
    """(from, until or None, days) of each row of CLEAR_TARGET_DAYS."""
    rows = list(CLEAR_TARGET_DAYS)
    return [(start, rows[i + 1][0] if i + 1 < len(rows) else None, days) for i, (start, days) in enumerate(rows)]


def found_before_target_q(today, field="found_on"):
    """A Q of the cases whose target (the rule of their finding day) has passed by `today`: found more than
    target_days before it."""
    from django.db.models import Q

    condition = Q(pk__in=[])
    for start, until, days in _periods():
        period = Q(**{f"{field}__lt": today - datetime.timedelta(days=days)})
        period &= Q(**{f"{field}__gte": start}) if start != CLEAR_TARGET_DAYS[0][0] else Q()
        if until is not None:
            period &= Q(**{f"{field}__lt": until})
        condition |= period
    return condition


def cleared_late_q():
    """A Q of the cleared cases that took more than their target days."""
    from django.db.models import Q

    condition = Q(pk__in=[])
    for start, until, days in _periods():
        period = Q(days_to_clear__gt=days)
        period &= Q(found_on__gte=start) if start != CLEAR_TARGET_DAYS[0][0] else Q()
        if until is not None:
            period &= Q(found_on__lt=until)
        condition |= period
    return condition
