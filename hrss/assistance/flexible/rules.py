"""The flexible part's rules that change with time, as dated configuration: each a tuple of (effective_from, value)
rows, ascending; the row in force on a day is the last one that has started (`in_force`). A registration keeps the
rule of its registration date, a subsidy the rule of its application date. Add a row for a new rule rather than
editing an old one; correct a row marked [believed] when the document is at hand."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hrss.core import dates
from hrss.core.dated import in_force

D = datetime.date


# --- the registration ---------------------------------------------------------------------------------------------

# Days allowed after starting work to register it [sourced: domain-rules §3, S-local dezuhan: "within 30 days of
# starting"]. A later registration is taken and marked late (is_late), not refused: the work exists whether or not
# the form came in time, as the employment area's 就业登记 does (hrss/employment/employment_registration.py).
DAYS_ALLOWED = ((D(2008, 1, 1), 30),)

# Days within which the village verifies a new registration (核实) [believed: 广东 counties' usual 15 days].
VERIFY_WITHIN_DAYS = ((D(2008, 1, 1), 15),)


def days_allowed(day):
    return in_force(DAYS_ALLOWED, day) or DAYS_ALLOWED[0][1]


def verify_within(day):
    return in_force(VERIFY_WITHIN_DAYS, day) or VERIFY_WITHIN_DAYS[0][1]


# --- the social-insurance subsidy (灵活就业社保补贴) ---------------------------------------------------------------


CHINESE_NUMERALS = "零一二三四五六七八九十"


@dataclass(frozen=True)
class SubsidyRule:
    """The subsidy for a period: `share` of the contributions the person paid, at most `monthly_cap` yuan for each
    month paid; paid for at most `max_months` months from the first month of the application. `share` is an exact
    fraction: the page's wording (`share_label`, e.g. 三分之二（2/3）) and the arithmetic (`subsidy`) both read it,
    so what the page says is what is paid. `source` is the document as the page shows it (no markers)."""

    share: Fraction
    monthly_cap: Decimal
    max_months: int
    source: str

    @property
    def share_label(self):
        numerator, denominator = self.share.numerator, self.share.denominator
        if denominator == 1:
            return "全额"
        if denominator <= 10 and numerator <= 10:
            return (f"{CHINESE_NUMERALS[denominator]}分之{CHINESE_NUMERALS[numerator]}"
                    f"（{numerator}/{denominator}）")
        return f"{numerator}/{denominator}"

    def subsidy(self, paid_amount, months):
        paid = Decimal(paid_amount)
        share = paid * self.share.numerator / self.share.denominator
        amount = min(share, self.monthly_cap * months, paid)
        return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


SUBSIDY = (
    # 就业促进法 art. 53 and 财社〔2008〕269号: 就业困难人员灵活就业的社会保险补贴, 不超过实际缴费的2/3, at most
    # 3 years (extended to retirement within 5 years of it: not modelled) [believed: share, cap and duration as
    # the later 财社〔2017〕164号 has them; the monthly cap is a 广东 county's figure, believed]. The [believed] marker
    # stays here, in the code: the page shows the document's name only.
    (D(2008, 1, 1), SubsidyRule(Fraction(2, 3), Decimal(500), 36, "财社〔2008〕269号")),
    (D(2017, 10, 13), SubsidyRule(Fraction(2, 3), Decimal(600), 36, "财社〔2017〕164号")),
)


def subsidy_rule(day):
    return in_force(SUBSIDY, day) or SUBSIDY[0][1]


def subsidy_window(applied_on):
    """(first day, last day) of the subsidy for an application made on `applied_on`: from the first day of that
    month for the rule's maximum number of months [believed: the subsidy counts from the month of application]."""
    start = applied_on.replace(day=1)
    return start, dates.add_months(start, subsidy_rule(applied_on).max_months) - datetime.timedelta(days=1)


# --- quarters --------------------------------------------------------------------------------------------------------


def quarter_of(day):
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year, quarter):
    first, _ = dates.month_bounds(year, quarter * 3 - 2)
    _, last = dates.month_bounds(year, quarter * 3)
    return first, last


def quarter_label(year, quarter):
    return f"{year}年第{quarter}季度"


def months_within(first, last, year, quarter):
    """How many whole calendar months of the quarter fall between `first` and `last` (a month counts when any of
    its days does: contributions are paid by the month)."""
    count = 0
    for month in range(quarter * 3 - 2, quarter * 3 + 1):
        month_first, month_last = dates.month_bounds(year, month)
        if month_first <= last and month_last >= first:
            count += 1
    return count
