"""Date arithmetic of hrss/core/dates.py at the days that break it: the 31st before a short month, 29 February,
year ends. Each module asks here instead of counting months or years itself."""

import datetime

import pytest

from hrss.core import dates

D = datetime.date


@pytest.mark.parametrize(("day", "months", "expected"), [
    (D(2026, 1, 31), 1, D(2026, 2, 28)),  # the 31st before a short month: its last day
    (D(2024, 1, 31), 1, D(2024, 2, 29)),  # ... in a leap year
    (D(2026, 1, 30), 1, D(2026, 2, 28)),
    (D(2026, 1, 28), 1, D(2026, 2, 28)),  # a day every month has stays
    (D(2026, 3, 31), 1, D(2026, 4, 30)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),  # a leap day a year on
    (D(2024, 2, 29), 48, D(2028, 2, 29)),
    (D(2026, 12, 15), 1, D(2027, 1, 15)),  # across a year end
    (D(2027, 1, 15), -1, D(2026, 12, 15)),  # and back
    (D(2026, 3, 31), -1, D(2026, 2, 28)),
    (D(2026, 8, 31), 6, D(2027, 2, 28)),
    (D(2027, 8, 31), 6, D(2028, 2, 29)),
    (D(2026, 6, 15), 0, D(2026, 6, 15)),
])
def test_add_months_keeps_the_day_or_the_end_of_a_shorter_month(day, months, expected):
    assert dates.add_months(day, months) == expected


@pytest.mark.parametrize(("year", "month", "first", "last"), [
    (2026, 1, D(2026, 1, 1), D(2026, 1, 31)),
    (2026, 2, D(2026, 2, 1), D(2026, 2, 28)),
    (2024, 2, D(2024, 2, 1), D(2024, 2, 29)),
    (2100, 2, D(2100, 2, 1), D(2100, 2, 28)),  # a century that is not a leap year
    (2026, 4, D(2026, 4, 1), D(2026, 4, 30)),
    (2026, 12, D(2026, 12, 1), D(2026, 12, 31)),
])
def test_month_bounds_are_its_first_and_last_day(year, month, first, last):
    assert dates.month_bounds(year, month) == (first, last)
    assert dates.month_end(year, month) == last


@pytest.mark.parametrize(("day", "years", "expected"), [
    (D(2026, 6, 15), 16, D(2010, 6, 15)),
    (D(2024, 2, 29), 1, D(2023, 2, 28)),  # no 29 February in the year asked for
    (D(2024, 2, 29), 4, D(2020, 2, 29)),
    (D(2026, 1, 31), 16, D(2010, 1, 31)),
    (D(2026, 3, 1), 18, D(2008, 3, 1)),
])
def test_years_before(day, years, expected):
    assert dates.years_before(day, years) == expected


@pytest.mark.parametrize(("birth", "day", "age"), [
    (D(2010, 6, 15), D(2026, 6, 14), 15),  # the day before the birthday
    (D(2010, 6, 15), D(2026, 6, 15), 16),  # on it
    (D(2010, 6, 15), D(2026, 6, 16), 16),
    (D(2008, 2, 29), D(2026, 2, 28), 17),  # born on a leap day: a year older on 1 March of a common year
    (D(2008, 2, 29), D(2026, 3, 1), 18),
    (D(2008, 2, 29), D(2028, 2, 29), 20),
    (D(2010, 12, 31), D(2026, 1, 1), 15),
])
def test_age_on_counts_whole_years(birth, day, age):
    assert dates.age_on(birth, day) == age


@pytest.mark.parametrize("day", [D(2026, 2, 28), D(2026, 3, 1), D(2024, 2, 29), D(2024, 2, 28), D(2026, 1, 31)])
@pytest.mark.parametrize("birth", [D(2008, 2, 29), D(2008, 2, 28), D(2008, 3, 1), D(2010, 1, 31), D(2010, 2, 1)])
def test_years_before_and_age_on_agree(birth, day):
    """The ledger's SQL filters (born on or before years_before) and its Python checks (age_on) say the same."""
    for years in (15, 16, 17, 18):
        assert (birth <= dates.years_before(day, years)) == (dates.age_on(birth, day) >= years)


def test_month_index_counts_across_year_ends():
    assert dates.month_index(2026, 1) - dates.month_index(2025, 12) == 1
    assert dates.from_month_index(dates.month_index(2025, 12) + 1) == (2026, 1)
    assert dates.from_month_index(dates.month_index(2026, 1) - 1) == (2025, 12)
