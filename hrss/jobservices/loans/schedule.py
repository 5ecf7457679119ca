"""A loan's repayment schedule and how its instalments stand: pure functions of Decimals and dates (no database).

Amounts are yuan rounded to the fen (ROUND_HALF_UP); interest is by the month (the annual rate / 12 on the balance);
the last instalment absorbs what rounding left over, so the instalments' principal adds up to the loan's. The
due dates are the start date plus 1, 2, ... months (core.dates.add_months, counted from the start each time, so a
loan started on 31 January falls due on the last day of February and then on 31 March)."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hrss.core.dates import add_months

FEN = Decimal("0.01")
EQUAL_INSTALMENTS = "equal_instalments"  # 等额本息: the same payment each month
INTEREST_MONTHLY = "interest_monthly"  # 按月付息、到期还本


def fen(value):
    return Decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Period:
    number: int
    due_date: datetime.date
    principal: Decimal
    interest: Decimal
    subsidy: Decimal  # the part of the interest the budget pays, when paid on time
    balance: Decimal  # principal still owed after this instalment

    @property
    def total(self):
        return self.principal + self.interest


def due_dates(start, term_months):
    return [add_months(start, number) for number in range(1, term_months + 1)]


def schedule(*, principal, annual_rate, term_months, start, method, subsidised_rate=Decimal(0)):
    """The instalments of a loan of `principal` yuan at `annual_rate` percent a year, over `term_months`, from
    `start`; `subsidised_rate` (percent, ≤ annual_rate) is the part of the rate the budget pays."""
    principal, annual_rate = fen(principal), Decimal(annual_rate)
    if principal <= 0 or term_months < 1 or annual_rate < 0:
        raise ValueError("principal > 0, term_months >= 1 and annual_rate >= 0")
    if method not in (EQUAL_INSTALMENTS, INTEREST_MONTHLY):
        raise ValueError(f"unknown repayment method {method!r}")
    monthly = annual_rate / Decimal(1200)
    share = Decimal(subsidised_rate) / annual_rate if annual_rate else Decimal(0)
    if method == EQUAL_INSTALMENTS:
        if monthly:
            growth = (1 + monthly) ** term_months
            payment = fen(principal * monthly * growth / (growth - 1))
        else:
            payment = fen(principal / term_months)
    periods, balance = [], principal
    for number, due in enumerate(due_dates(start, term_months), start=1):
        interest = fen(balance * monthly)
        last = number == term_months
        if method == INTEREST_MONTHLY:
            part = balance if last else Decimal("0.00")
        else:
            part = balance if last else min(payment - interest, balance)
        balance -= part
        periods.append(Period(number, due, part, interest, fen(interest * share), balance))
    return periods


# --- how the instalments stand ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paid:
    amount: Decimal  # paid towards this instalment
    paid_on: datetime.date | None  # the day it was paid in full, or None


def allocate(totals, repayments):
    """What the repayments [(paid_on, amount)] pay of the instalments (their totals, in order): each repayment pays
    the earliest instalments first. Returns a Paid per instalment, and what is left over (paid beyond them all)."""
    owed = [Decimal(total) for total in totals]
    paid = [Decimal(0)] * len(owed)
    paid_on = [None] * len(owed)
    index = 0
    left = Decimal(0)
    for day, amount in sorted(repayments, key=lambda row: row[0]):
        left += Decimal(amount)
        while index < len(owed) and left > 0:
            take = min(left, owed[index] - paid[index])
            paid[index] += take
            left -= take
            if paid[index] == owed[index]:
                paid_on[index] = day
                index += 1
    return [Paid(paid[i], paid_on[i]) for i in range(len(owed))], left


PAID, PAID_LATE, OVERDUE, DUE, UPCOMING = "paid", "paid_late", "overdue", "due", "upcoming"
STATE_LABELS = {PAID: "已按时还款", PAID_LATE: "逾期后已还", OVERDUE: "逾期未还", DUE: "本月到期", UPCOMING: "未到期"}


@dataclass(frozen=True)
class Standing:
    state: str
    days_overdue: int  # days past the due date when paid late, or until today when still unpaid
    subsidy: Decimal | None  # the subsidy earned for the period; None while it is not decided yet (not yet due)

    @property
    def label(self):
        return STATE_LABELS[self.state] + (f"（{self.days_overdue}天）" if self.days_overdue else "")

    @property
    def overdue(self):
        return self.state in (OVERDUE, PAID_LATE)


def standing(*, due_date, paid_on, planned_subsidy, today, overdue_loses_subsidy=True):
    """How one instalment stands on `today`: paid on time keeps its subsidy; paid late or unpaid after its due date
    is overdue by so many days and (when the rule says so) loses the period's subsidy."""
    lost = Decimal("0.00") if overdue_loses_subsidy else planned_subsidy
    if paid_on is not None:
        if paid_on <= due_date:
            return Standing(PAID, 0, planned_subsidy)
        return Standing(PAID_LATE, (paid_on - due_date).days, lost)
    if today > due_date:
        return Standing(OVERDUE, (today - due_date).days, lost)
    if (due_date.year, due_date.month) == (today.year, today.month):
        return Standing(DUE, 0, None)
    return Standing(UPCOMING, 0, None)
