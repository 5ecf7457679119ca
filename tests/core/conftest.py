import pytest


@pytest.fixture
def calendar_as_seeded_in_2026(db):
    """The working-day calendar as it stood when these tests were written: 2004-2026 known, 2027 not yet. Years
    seeded later are removed for the test, so tests about a year without an arrangement stay true when the seed
    grows."""
    from hrss.core.models import CalendarDay, CalendarYear

    CalendarDay.objects.filter(date__year__gt=2026).delete()
    CalendarYear.objects.filter(year__gt=2026).delete()
