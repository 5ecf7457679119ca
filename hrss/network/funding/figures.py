"""The funding part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from dataclasses import dataclass
from decimal import Decimal

from hrss.core.text import money
from hrss.network.funding import selectors
from hrss.network.models import FundSource


@dataclass(frozen=True)
class Yuan:
    """An amount shown as yuan (12,800.00) and written to the .xlsx as a number (core.parts._cell reads .value)."""

    value: Decimal

    def __str__(self):
        return money(self.value)

    def __sub__(self, other):
        return Yuan(self.value - (other.value if isinstance(other, Yuan) else other))

    def __rsub__(self, other):
        return Yuan((other.value if isinstance(other, Yuan) else other) - self.value)

    def __radd__(self, other):
        return Yuan((other.value if isinstance(other, Yuan) else other) + self.value)

    def __add__(self, other):
        return self.__radd__(other)

    def __bool__(self):
        return bool(self.value)


def _total(user, region):
    return selectors.total_of(selectors.funds_by_office(user, region).values())


def province_allocated(user, region, today):
    return Yuan(_total(user, region).allocated[FundSource.PROVINCE])


def county_allocated(user, region, today):
    return Yuan(_total(user, region).allocated[FundSource.COUNTY])


def city_allocated(user, region, today):
    return Yuan(_total(user, region).allocated[FundSource.CITY])


def disbursed(user, region, today):
    return Yuan(_total(user, region).disbursed_total)


def balance(user, region, today):
    return Yuan(_total(user, region).balance_total)


def offices_funded(user, region, today):
    return len(selectors.funds_by_office(user, region))
