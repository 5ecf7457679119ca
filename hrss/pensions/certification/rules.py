"""The certification part's rules that change with time, as dated configuration (the house rule: tuples of
(effective_from, value) rows, ascending, read with core.dated.in_force; a changed rule is a new row). The schemes'
rules (hrss/pensions/schemes/rules.py) hold none of these, so they are kept here.

Sources: none of these rows was checked against a document's text in this repository; each is marked [believed]
and shown on pages as 依据待核实 (schemes.rules.shown_source).
"""

import datetime

from hrss.core.dated import in_force
from hrss.core.dates import add_months

D = datetime.date

# The yearly window usually given to the villages, as (month, day) of its first and last day, offered when a
# campaign is started (the county or city sets its own dates) [believed: 广东 counties certify in the first half
# of the year; the national rule asks for a yearly certification and sets no common window].
SUGGESTED_WINDOW = ((D(2009, 9, 1), ((3, 1), (6, 30))),)
SUGGESTED_WINDOW_SOURCE = "各县（区）年度认证通知的通常安排 [believed]"

# A window lasts at most this many days: a longer one is a typing error.
MAX_WINDOW_DAYS = ((D(2009, 9, 1), 366),)

# The first year a campaign may be for: the residents' scheme started paying in 2009 (国发〔2009〕32号).
FIRST_YEAR = 2009

# The payment of those not certified in the window stops from this many months after the window's month
# (1: the month after the window) [believed: 暂停发放 from the month after the 认证期 in 广东's 经办规程].
SUSPEND_AFTER_MONTHS = ((D(2009, 9, 1), 1),)
SUSPEND_SOURCE = "广东省城乡居民养老保险经办规程（领取待遇资格认证） [believed]"

# The ways a pensioner may be certified, and whether a relative's statement must name the relative and the
# relation [believed: 上门、窗口、亲属证明 as the plan lists them; 其他 for 视频、社保卡自助 and the like].
METHODS = ((D(2009, 9, 1), ("visit", "window", "relative", "other")),)
METHODS_SOURCE = "广东省城乡居民养老保险经办规程（领取待遇资格认证） [believed]"

SUSPENSION_REASON = "未按期认证"


def suggested_window(year):
    """(opens_on, closes_on) suggested for a campaign of `year`."""
    (first_month, first_day), (last_month, last_day) = in_force(SUGGESTED_WINDOW, D(year, 1, 1)) \
        or SUGGESTED_WINDOW[0][1]
    return D(year, first_month, first_day), D(year, last_month, last_day)


def max_window_days(day):
    return in_force(MAX_WINDOW_DAYS, day) or MAX_WINDOW_DAYS[0][1]


def suspend_from(closes_on):
    """The first day of the first month not paid to those not certified in a window ending on `closes_on`."""
    months = in_force(SUSPEND_AFTER_MONTHS, closes_on) or SUSPEND_AFTER_MONTHS[0][1]
    return add_months(closes_on.replace(day=1), months)


def methods_on(day):
    return in_force(METHODS, day) or METHODS[0][1]
