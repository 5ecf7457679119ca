"""The statutory retirement month at every boundary of the 2025 gradual increase."""

import datetime

import pytest

from hrss.core.working_age import (
    Category,
    is_of_working_age,
    retirement_age_label,
    retirement_month,
)


def born(year, month, day=15):
    return datetime.date(year, month, day)


@pytest.mark.parametrize("birth, expected", [
    (born(1964, 12), (2024, 12)),  # last cohort before the reform: 60
    (born(1965, 1), (2025, 2)),  # first cohort: 60 and 1 month
    (born(1965, 4), (2025, 5)),  # same step
    (born(1965, 5), (2025, 7)),  # second step: 60 and 2 months
    (born(1976, 8), (2039, 7)),  # 35 months
    (born(1976, 9), (2039, 9)),  # 36 months: 63
    (born(1980, 1), (2043, 1)),  # capped at 63
])
def test_men(birth, expected):
    assert retirement_month(birth, "M") == expected


@pytest.mark.parametrize("birth, expected", [
    (born(1969, 12), (2024, 12)),
    (born(1970, 1), (2025, 2)),
    (born(1970, 5), (2025, 7)),
    (born(1981, 8), (2039, 7)),
    (born(1981, 9), (2039, 9)),  # 58
    (born(1990, 6), (2048, 6)),
])
def test_women_cadres(birth, expected):
    assert retirement_month(birth, "F", Category.CADRE) == expected


@pytest.mark.parametrize("birth, expected", [
    (born(1974, 12), (2024, 12)),
    (born(1975, 1), (2025, 2)),
    (born(1975, 2), (2025, 3)),  # same step as January
    (born(1975, 3), (2025, 5)),  # second step
    (born(1984, 10), (2039, 9)),  # 59 months
    (born(1984, 11), (2039, 11)),  # 60 months: 55
    (born(1990, 1), (2045, 1)),
])
def test_women_workers(birth, expected):
    assert retirement_month(birth, "F", Category.WORKER) == expected


def test_flexible_workers_follow_the_women_workers_rule():
    assert retirement_month(born(1975, 3), "F", Category.FLEXIBLE) == retirement_month(born(1975, 3), "F")


def test_age_labels():
    assert retirement_age_label(born(1965, 1), "M") == "60岁1个月"
    assert retirement_age_label(born(1976, 9), "M") == "63岁"


def test_working_age_starts_on_the_sixteenth_birthday():
    birth = datetime.date(2010, 6, 1)
    assert not is_of_working_age(birth, "M", datetime.date(2026, 5, 31))
    assert is_of_working_age(birth, "M", datetime.date(2026, 6, 1))


def test_working_age_ends_in_the_retirement_month():
    birth = born(1965, 1)  # retires 2025-02
    assert is_of_working_age(birth, "M", datetime.date(2025, 1, 31))
    assert not is_of_working_age(birth, "M", datetime.date(2025, 2, 1))
