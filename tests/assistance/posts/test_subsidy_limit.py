"""The subsidy is limited over all of a person's placements (36 months by the term in force): a new placement of
someone who has used them all is refused; someone with months left is subsidised only for those."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.models import Recognition
from hrss.assistance.posts import roll, rules, services
from hrss.core.dates import add_months, month_end
from tests.assistance.posts.conftest import make_post
from tests.conftest import TODAY

LIMIT = rules.subsidy_term_on(TODAY).months
FIRST_START = add_months(TODAY, -(LIMIT + 4)).replace(day=1)


def _earlier_placement(actor, person, months):
    """An ended placement that used `months` subsidised calendar months."""
    Recognition.objects.filter(person=person).update(recognised_on=FIRST_START)
    earlier = make_post(actor, title="绿化养护员", open_from=FIRST_START)
    placement = services.place_person(actor=actor, post=earlier, person=person, started_on=FIRST_START)
    ended_on = month_end(*_month(add_months(FIRST_START, months - 1)))
    person.refresh_from_db()
    services.end_placement(actor=actor, placement=placement, ended_on=ended_on, reason="contract_expired")
    person.refresh_from_db()
    return placement


def _month(day):
    return day.year, day.month


def test_the_term_in_force_is_three_years():
    assert LIMIT == 36


def test_a_person_who_used_every_month_is_refused(post, person, village_assistant):
    _earlier_placement(village_assistant, person, LIMIT)
    with pytest.raises(ValidationError) as refused:
        services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    assert f"已累计享受公益性岗位补贴{LIMIT}个月" in str(refused.value)


def test_one_month_left_subsidises_the_start_month_only(post, person, village_assistant):
    _earlier_placement(village_assistant, person, LIMIT - 1)
    placement = services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    assert placement.months_before == LIMIT - 1
    assert placement.subsidy_until == month_end(TODAY.year, TODAY.month)
    line = roll.roll_line(placement, TODAY.year, TODAY.month)
    assert line.months_used == LIMIT


def test_months_are_calendar_months_touched():
    assert roll.months_touched(datetime.date(2025, 1, 31), datetime.date(2025, 2, 1)) == 2
    assert roll.months_touched(datetime.date(2025, 1, 1), datetime.date(2025, 1, 31)) == 1
    assert roll.months_touched(datetime.date(2025, 2, 1), datetime.date(2025, 1, 31)) == 0
