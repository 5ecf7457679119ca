"""The legal deadlines of petitions and labour-inspection cases, as dated configuration (core/dated.py): each kind
is rows of (effective from, Rule); a case keeps the rule in force on its own starting day.

How days are counted (../shared/docs/domain-rules.md §8):
- Petitions (信访条例 2005 arts. 21-22, 33-35; kept by 信访工作条例 of 2022 arts. 31-32, 35): calendar days. The
  starting day is not counted (民法典 art. 201) [sourced: law text]; a period whose last day is a statutory rest day
  ends on the first working day after it (art. 203) [believed to apply to these periods: ROLL_OVER_REST_DAYS].
  Only that roll-over needs the holiday arrangement: when it reaches a year not loaded yet, due_or_provisional gives
  the calendar-day last day, marked provisional (never later than the rolled one), settled when the year is loaded.
- Labour inspection (劳动保障监察条例 2004 art. 17; 关于实施《劳动保障监察条例》若干规定, 部令第25号, art. 15):
  working days counted with the working-day calendar (core.workdays), the starting day not counted.
"""

import datetime
from dataclasses import dataclass

from hrss.core import workdays
from hrss.core.dated import in_force


@dataclass(frozen=True)
class Rule:
    days: int
    working_days: bool  # counted with the working-day calendar; otherwise calendar days
    basis: str  # the legal basis, as a page or a receipt cites it


PETITIONS_FROM = datetime.date(2005, 5, 1)  # 信访条例 (国务院令第431号) in force
INSPECTION_FROM = datetime.date(2004, 12, 1)  # 劳动保障监察条例 (国务院令第423号) in force

RULES = {
    "petition-accept": ((PETITIONS_FROM, Rule(15, False, "《信访工作条例》第三十一条：收到信访事项之日起15日内决定是否受理")),),
    "petition-handle": ((PETITIONS_FROM, Rule(60, False, "《信访工作条例》第三十二条：自受理之日起60日内办结")),),
    "petition-extension": ((PETITIONS_FROM, Rule(30, False, "《信访工作条例》第三十二条：情况复杂的，可适当延长办理期限，"
                                                            "延长期限不得超过30日")),),
    "petition-review-request": ((PETITIONS_FROM, Rule(30, False, "《信访工作条例》第三十五条：收到书面答复之日起30日内"
                                                                 "请求复查")),),
    "petition-review": ((PETITIONS_FROM, Rule(30, False, "《信访工作条例》第三十五条：收到复查请求之日起30日内"
                                                         "提出复查意见")),),
    "petition-recheck-request": ((PETITIONS_FROM, Rule(30, False, "《信访工作条例》第三十五条：收到复查意见之日起30日内"
                                                                  "请求复核")),),
    "petition-recheck": ((PETITIONS_FROM, Rule(30, False, "《信访工作条例》第三十五条：收到复核请求之日起30日内"
                                                          "提出复核意见")),),
    "inspection-accept": ((INSPECTION_FROM, Rule(5, True, "部令第25号第十五条：接到投诉之日起5个工作日内决定是否"
                                                          "受理")),),
    "inspection-conclude": ((INSPECTION_FROM, Rule(60, True, "《劳动保障监察条例》第十七条：自立案之日起60个工作日内"
                                                             "完成")),),
    "inspection-extension": ((INSPECTION_FROM, Rule(30, True, "《劳动保障监察条例》第十七条：经批准可以延长30个"
                                                              "工作日")),),
}

# The kinds `hrss deadline` takes, in the order its help lists them (the contract).
COMMAND_KINDS = ("petition-accept", "petition-handle", "petition-extension", "inspection-accept",
                 "inspection-conclude", "inspection-extension")

# 民法典 art. 203 applied to the petition periods: a last day on a rest day moves to the next working day [believed].
ROLL_OVER_REST_DAYS = ((PETITIONS_FROM, True),)


class UnknownKind(ValueError):
    pass


def rule(kind, start):
    """The rule of `kind` in force for a period starting on `start` (None before the law was in force)."""
    if kind not in RULES:
        raise UnknownKind(kind)
    return in_force(RULES[kind], start)


def _rule_and_count(kind, start, days):
    found = rule(kind, start)
    if found is None:
        raise ValueError(f"{kind} has no rule before {RULES[kind][0][0]}")
    count = found.days if days is None else days
    if not 0 < count <= found.days:
        raise ValueError(f"{kind}: {count} days is outside 1..{found.days}")
    return found, count


def due(kind, start, *, days=None, calendar=None):
    """The last day of the period of `kind` that starts on `start` (`start` itself not counted). For an extension
    `start` is the due date being extended, and `days` may grant fewer days than the rule's most (more is a
    ValueError: the caller refuses it first). Raises workdays.UnknownArrangement when the count reaches a year
    whose holiday arrangement is not loaded, and ValueError before the rule was in force."""
    found, count = _rule_and_count(kind, start, days)
    if found.working_days:
        return (calendar or workdays.Calendar.load()).add(start, count)
    last = start + datetime.timedelta(days=count)
    if in_force(ROLL_OVER_REST_DAYS, start):
        calendar = calendar or workdays.Calendar.load()
        while not calendar.is_working_day(last):
            last += datetime.timedelta(days=1)
    return last


def due_or_provisional(kind, start, *, days=None, calendar=None):
    """(due, provisional): `due` as above, or, for a calendar-day period whose roll-over over rest days reaches a
    year whose holiday arrangement is not loaded, (the last day counted in calendar days without the roll-over,
    True). That day is the legal count and never later than the rolled one, so an office is never told it has
    more time than it has; it is recomputed when the year is loaded (petitions.services.recompute_provisional_dues).
    A working-day period (labour inspection) cannot be counted at all without the calendar: UnknownArrangement."""
    found, count = _rule_and_count(kind, start, days)
    try:
        return due(kind, start, days=days, calendar=calendar), False
    except workdays.UnknownArrangement:
        if found.working_days:
            raise
        return start + datetime.timedelta(days=count), True


PROVISIONAL_NOTE = "暂按自然日计，节假日安排录入后按法定休假日顺延核定"


def due_text(day, provisional):
    """A due date as pages, the ledger and the API show it: "2027-01-04（暂按自然日计，…）" while provisional."""
    return f"{day:%Y-%m-%d}（{PROVISIONAL_NOTE}）" if provisional else f"{day:%Y-%m-%d}"


def promised_days(kind):
    """The catalogue's promised days of a service whose promise is the legal period `kind`: ((from, days), ...)."""
    return tuple((day, rule.days) for day, rule in RULES[kind])


def counts_working_days(kind):
    """Whether the legal period `kind` (as now in force) counts working days."""
    return RULES[kind][-1][1].working_days
