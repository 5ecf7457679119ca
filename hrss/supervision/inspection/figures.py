"""The inspection part's figures on the area's statistics page (core.parts.Figure): count(user, region, today), the
欠薪 figures per region. The amounts are yuan: an Amount prints as core.text.money writes it (13,900.00) and stays
one when the page adds the children's rows or takes them from the region's total."""

from decimal import Decimal

from hrss.core.text import money
from hrss.supervision.inspection import selectors


class Amount:
    """Yuan on the statistics page: added, subtracted and printed as money (core.text.money)."""

    def __init__(self, value):
        self.value = Decimal(value or 0)

    def _other(self, other):
        return other.value if isinstance(other, Amount) else Decimal(other)

    def __add__(self, other):
        return Amount(self.value + self._other(other))

    __radd__ = __add__

    def __sub__(self, other):
        return Amount(self.value - self._other(other))

    def __rsub__(self, other):
        return Amount(self._other(other) - self.value)

    def __eq__(self, other):
        return isinstance(other, Amount | int | Decimal) and self.value == self._other(other)

    __hash__ = None

    def __bool__(self):
        return bool(self.value)

    def __str__(self):
        return money(self.value)

    def __repr__(self):
        return f"Amount({self.value})"


def received(user, region, today):
    return selectors.received_this_year(user, region, today).count()


def open_cases(user, region, today):
    return selectors.open_cases(user, region).count()


def overdue(user, region, today):
    return selectors.overdue_cases(user, region, today).count()


def workers_owed(user, region, today):
    return selectors.workers_still_owed(user, region).count()


def amount_owed(user, region, today):
    return Amount(selectors.amounts_this_year(user, region, today)[0])


def amount_recovered(user, region, today):
    return Amount(selectors.amounts_this_year(user, region, today)[1])
