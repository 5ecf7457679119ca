"""A personal payment is credited with the subsidy of the highest tier in force on the day it arrived that is not
above the amount [believed]; 广东's tiers changed on 2020-01-01 (the lowest tier went from 120 to 180)."""

import datetime
from decimal import Decimal

import pytest

from hrss.pensions.contributions import services
from hrss.pensions.models import Contribution


def subsidy_for(payer, actor, csv_file, amount, paid_on, receipt, kind=""):
    services.import_file(csv_file([(payer.id_number, payer.name, paid_on.year, amount, paid_on.isoformat(), receipt,
                                    kind)]), actor=actor, source="bank")
    row = Contribution.objects.filter(source_ref=receipt, kind="subsidy").first()
    return row.amount if row else None


@pytest.mark.parametrize(("paid_on", "expected"), [
    (datetime.date(2019, 12, 31), Decimal("30.00")),  # 120 is the 2014 table's lowest tier
    (datetime.date(2020, 1, 1), None),  # from 2020 the lowest is 180: 120 gets no subsidy
])
def test_the_lowest_tier_on_each_side_of_its_effective_date(payer, village_assistant, csv_file, paid_on, expected):
    assert subsidy_for(payer, village_assistant, csv_file, "120", paid_on, f"T{paid_on:%Y%m%d}") == expected


def test_the_subsidy_of_the_highest_tier_not_above_the_amount(payer, village_assistant, csv_file):
    day = datetime.date(2023, 3, 1)
    assert subsidy_for(payer, village_assistant, csv_file, "599", day, "T1") == Decimal("30.00")  # tier 480
    assert subsidy_for(payer, village_assistant, csv_file, "600", day, "T2") == Decimal("60.00")  # tier 600


def test_arrears_and_collective_aid_from_a_file_get_no_subsidy(payer, village_assistant, csv_file):
    day = datetime.date(2023, 3, 1)
    assert subsidy_for(payer, village_assistant, csv_file, "600", day, "T3", "补缴") is None
    assert subsidy_for(payer, village_assistant, csv_file, "600", day, "T4", "集体补助") is None
    assert Contribution.objects.filter(source_ref="T4", kind="collective").exists()
