"""Amounts on pages are written as Chinese official forms write yuan: thousands grouped, two decimals, half up."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from hrss.core.text import money


@pytest.mark.parametrize(("amount", "places", "shown"), [
    (Decimal("13900"), 2, "13,900.00"),
    (Decimal("5855.99000000000"), 2, "5,855.99"),  # SQLite's sums come back so
    (Decimal("0.005"), 2, "0.01"),  # half up, not to even
    (Decimal("1234567.125"), 2, "1,234,567.13"),
    (3000, 0, "3,000"),
    (Decimal("-1200.5"), 2, "-1,200.50"),
    (None, 2, ""),
    ("", 2, ""),
    ("未缴", 2, "未缴"),
])
def test_money_groups_thousands_and_rounds_half_up(amount, places, shown):
    assert money(amount, places) == shown


def test_every_template_has_the_filter_without_loading_it():
    rendered = Template("{{ a|money }} 元，档次 {{ t|money:0 }} 元/年").render(
        Context({"a": Decimal("70000"), "t": Decimal("3000.00")}))
    assert rendered == "70,000.00 元，档次 3,000 元/年"


@pytest.mark.parametrize(("typed", "read"), [
    ("12,800.5", Decimal("12800.50")), (" 3000 ", Decimal("3000.00")), ("-0", Decimal("0.00")), (0, Decimal("0.00")),
    ("", None), (None, None), ("十元", "bad"), ("NaN", "bad"), ("Infinity", "bad")])
def test_an_amount_typed_is_read_as_yuan_of_two_places(typed, read):
    from hrss.core.text import amount_of

    got = amount_of(typed, bad="bad")
    assert got == read and (not isinstance(got, Decimal) or str(got) == str(read))  # never "-0.00"
