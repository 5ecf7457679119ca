"""个人账户: what a person's personal account of the residents' pension holds on a day, year by year. The contract the
benefits part reads (`balance`, `statement`, `paid_years`); nothing here writes.

The rule [believed: the account is credited as the documents describe it, the interest once a year at its end]:

    balance_end(Y) = balance_end(Y - 1) × (1 + interest_rate(Y)) + amounts credited in Y

where the amounts credited in Y are every Contribution (个人缴费, 政府缴费补贴, 集体补助, 补缴) whose 到账日期 falls in Y
(so an amount earns interest from the end of the year it arrived in), and interest_rate(Y) is the dated rate of
schemes/rules.py (`INTEREST`; 0 before its first row). The interest of Y, rounded to the fen (half up), is credited on
31 December of Y: a balance on a day before that holds the amounts credited so far in Y and no interest of Y.
Stored rows of kind 记账利息 are not read (the interest is always worked out here, from the rates in force).
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hrss.pensions.models import Contribution, ContributionKind
from hrss.pensions.schemes.rules import interest_rate

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
# The kinds a person (or the collective, for them) paid for a year: a year with one of these counts as paid.
PAID_KINDS = (ContributionKind.PERSONAL, ContributionKind.ARREARS)
CREDITED_KINDS = (ContributionKind.PERSONAL, ContributionKind.SUBSIDY, ContributionKind.COLLECTIVE,
                  ContributionKind.ARREARS)
RULE = "年末余额 = 上年末余额 ×（1 + 当年记账利率）+ 当年到账金额"


@dataclass(frozen=True)
class YearRow:
    """One year of the statement: the balance at its start, what arrived in it (by kind), the interest credited at
    its end (None when the year has not ended by the statement's day) and the balance at its end (or on that day)."""

    year: int
    opening: Decimal
    personal: Decimal
    arrears: Decimal
    collective: Decimal
    subsidies: Decimal
    rate: Decimal | None
    interest: Decimal | None
    closing: Decimal

    @property
    def contributions(self):
        """What the person (and the collective for them) paid in the year: 个人缴费 + 补缴 + 集体补助."""
        return self.personal + self.arrears + self.collective


def rate_of(year):
    """The interest rate credited for `year` (Decimal; 0 before the first dated row)."""
    rate = interest_rate(year)
    return Decimal(rate) if rate is not None else Decimal("0")


def _credited_by_year(person, until):
    """{year of arrival: {kind: sum}} of the person's amounts arrived on or before `until`."""
    rows = (Contribution.objects.filter(person=person, paid_on__lte=until, kind__in=CREDITED_KINDS)
            .values_list("paid_on", "kind", "amount"))
    years = {}
    for paid_on, kind, amount in rows:
        kinds = years.setdefault(paid_on.year, {})
        kinds[kind] = kinds.get(kind, ZERO) + amount
    return years


def statement_from(credited, until):
    """The statement's rows from {year: {kind: sum}} (see `statement`); shared with the ledger's bulk balances."""
    if not credited:
        return []
    rows = []
    opening = ZERO
    for year in range(min(credited), until.year + 1):
        kinds = credited.get(year, {})
        personal = kinds.get(ContributionKind.PERSONAL, ZERO)
        arrears = kinds.get(ContributionKind.ARREARS, ZERO)
        collective = kinds.get(ContributionKind.COLLECTIVE, ZERO)
        subsidies = kinds.get(ContributionKind.SUBSIDY, ZERO)
        ended = until >= datetime.date(year, 12, 31)
        rate = rate_of(year)
        interest = (opening * rate).quantize(FEN, rounding=ROUND_HALF_UP) if ended else None
        closing = opening + personal + arrears + collective + subsidies + (interest or ZERO)
        rows.append(YearRow(year=year, opening=opening, personal=personal, arrears=arrears, collective=collective,
                            subsidies=subsidies, rate=rate if ended else None, interest=interest, closing=closing))
        opening = closing
    return rows


def statement(person, until):
    """[YearRow] from the year of the person's first amount to `until`'s year, the last row's closing being the
    balance on `until`. Empty for a person with nothing credited."""
    return statement_from(_credited_by_year(person, until), until)


def balance(person, on):
    """The personal account's balance (Decimal, yuan) on the day `on`: every amount arrived by then and the interest
    credited at each year's end before or on it (the rule in the module's docstring)."""
    rows = statement(person, on)
    return rows[-1].closing if rows else ZERO


def paid_years(person, until):
    """How many 缴费年度 the person has paid for (a 个人缴费 or a 补缴 for that year) with the money arrived by `until`."""
    return (Contribution.objects.filter(person=person, paid_on__lte=until, kind__in=PAID_KINDS)
            .values("year").distinct().count())


def paid_year_set(person, until):
    """The set of 缴费年度 counted by `paid_years`."""
    return set(Contribution.objects.filter(person=person, paid_on__lte=until, kind__in=PAID_KINDS)
               .values_list("year", flat=True).distinct())


def balances(person_ids, on):
    """{person id: balance on `on`} for many people at once (the ledger's column): one query per 900 people."""
    person_ids = list(person_ids)
    credited = {person_id: {} for person_id in person_ids}
    for start in range(0, len(person_ids), 900):
        rows = (Contribution.objects.filter(person_id__in=person_ids[start:start + 900], paid_on__lte=on,
                                            kind__in=CREDITED_KINDS)
                .values_list("person_id", "paid_on", "kind", "amount"))
        for person_id, paid_on, kind, amount in rows:
            kinds = credited[person_id].setdefault(paid_on.year, {})
            kinds[kind] = kinds.get(kind, ZERO) + amount
    result = {}
    for person_id, years in credited.items():
        rows = statement_from(years, on)
        result[person_id] = rows[-1].closing if rows else ZERO
    return result
