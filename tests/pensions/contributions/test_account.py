"""The personal account: balance_end(Y) = balance_end(Y-1) × (1 + rate(Y)) + amounts arrived in Y, the interest
credited on 31 December; paid_years counts the 缴费年度 paid."""

import datetime
from decimal import Decimal

from hrss.pensions.contributions import account
from hrss.pensions.models import Contribution, ContributionKind


def credit(person, year, amount, paid_on, kind=ContributionKind.PERSONAL):
    Contribution.objects.create(person=person, region_code=person.region_code, year=year, kind=kind,
                                amount=Decimal(amount), paid_on=paid_on, source="window")


def test_interest_is_credited_at_the_year_end_and_not_before(payer):
    credit(payer, 2023, "1000", datetime.date(2023, 3, 1))
    credit(payer, 2023, "60", datetime.date(2023, 3, 1), ContributionKind.SUBSIDY)
    # 2023's amounts earn nothing in 2023; 2024's rate (2.62%) is credited on 2024-12-31.
    assert account.balance(payer, datetime.date(2023, 12, 31)) == Decimal("1060.00")
    assert account.balance(payer, datetime.date(2024, 12, 30)) == Decimal("1060.00")
    assert account.balance(payer, datetime.date(2024, 12, 31)) == Decimal("1087.77")  # 1060 × 0.0262 = 27.772
    rows = account.statement(payer, datetime.date(2025, 1, 1))
    assert [(r.year, r.opening, r.contributions, r.subsidies, r.interest, r.closing) for r in rows] == [
        (2023, Decimal("0.00"), Decimal("1000"), Decimal("60"), Decimal("0.00"), Decimal("1060.00")),
        (2024, Decimal("1060.00"), Decimal("0.00"), Decimal("0.00"), Decimal("27.77"), Decimal("1087.77")),
        (2025, Decimal("1087.77"), Decimal("0.00"), Decimal("0.00"), None, Decimal("1087.77")),
    ]


def test_an_amount_arriving_later_counts_from_its_day(payer):
    credit(payer, 2024, "500", datetime.date(2024, 6, 1))
    assert account.balance(payer, datetime.date(2024, 5, 31)) == Decimal("0.00")
    assert account.balance(payer, datetime.date(2024, 6, 1)) == Decimal("500.00")


def test_paid_years_at_the_15th_year(payer):
    for year in range(2010, 2024):
        credit(payer, year, "100", datetime.date(year, 5, 1))
    assert account.paid_years(payer, datetime.date(2024, 5, 1)) == 14
    credit(payer, 2024, "100", datetime.date(2024, 5, 2))
    credit(payer, 2024, "30", datetime.date(2024, 5, 2), ContributionKind.SUBSIDY)  # a subsidy is not a year paid
    assert account.paid_years(payer, datetime.date(2024, 5, 1)) == 14
    assert account.paid_years(payer, datetime.date(2024, 5, 2)) == 15


def test_nothing_credited_is_an_empty_account(payer):
    assert account.statement(payer, datetime.date(2026, 1, 1)) == []
    assert account.balance(payer, datetime.date(2026, 1, 1)) == Decimal("0.00")
    assert account.balances([payer.pk], datetime.date(2026, 1, 1)) == {payer.pk: Decimal("0.00")}
