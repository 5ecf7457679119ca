"""The subsidy period's end: a placement started on the first of a month 35 months ago is subsidised through this
month (its 36th) and not the next; the roll lists it in its last month and not in the month after."""

import datetime

import pytest

from hrss.assistance.posts import roll, selectors, services
from hrss.core.dates import add_months, month_end
from tests.conftest import TODAY

START = add_months(TODAY, -35).replace(day=1)
NEXT = add_months(TODAY.replace(day=1), 1)


@pytest.fixture
def placement(post, person, village_assistant):
    from hrss.assistance.models import Recognition

    Recognition.objects.filter(person=person).update(recognised_on=START - datetime.timedelta(days=10))
    return services.place_person(actor=village_assistant, post=post, person=person, started_on=START)


def test_the_subsidy_ends_with_the_36th_calendar_month(placement):
    assert placement.subsidy_until == month_end(TODAY.year, TODAY.month)
    assert not placement.to_retirement


def test_the_last_month_is_on_the_roll_in_full(placement, village_assistant, heyuan):
    from hrss.core.models import Region

    village = Region.objects.get(code=placement.region_code)
    lines = selectors.roll_lines(village_assistant, village, TODAY.year, TODAY.month)
    assert [line.placement for line in lines] == [placement]
    assert lines[0].months_used == 36 and lines[0].full_month
    assert lines[0].post_subsidy == placement.post.post_subsidy


def test_the_month_after_is_not(placement, village_assistant, heyuan):
    from hrss.core.models import Region

    village = Region.objects.get(code=placement.region_code)
    assert selectors.roll_lines(village_assistant, village, NEXT.year, NEXT.month) == []
    assert roll.roll_line(placement, NEXT.year, NEXT.month) is None


def test_a_placement_started_mid_month_is_prorated_in_its_first_month(post, person, village_assistant):
    start = TODAY.replace(day=1) if TODAY.day == 1 else TODAY - datetime.timedelta(days=1)
    placement = services.place_person(actor=village_assistant, post=post, person=person, started_on=start)
    line = roll.roll_line(placement, start.year, start.month)
    month_days = month_end(start.year, start.month).day
    assert line.days == month_days - start.day + 1
    expected = (post.post_subsidy * line.days / month_days).quantize(roll.FEN)
    assert line.post_subsidy == expected
