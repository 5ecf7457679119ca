"""财社〔2017〕164号's exception: someone with less than 5 years to their statutory retirement when placed is
subsidised until they retire; at exactly 5 years, the 3-year term applies."""

import datetime

import pytest

from hrss.assistance.posts import roll, services
from hrss.core.dates import add_months, month_end
from tests.assistance.posts.conftest import recognise, register
from tests.conftest import TODAY


@pytest.fixture
def older(heyuan, village_assistant):
    """A man who reaches his retirement age some four years from now (core.working_age's rule for his birth)."""
    person = register(village_assistant, "周临退", serial=19, birth=datetime.date(TODAY.year - 57, 6, 15))
    recognise(person, village_assistant, recognised_on=TODAY - datetime.timedelta(days=3 * 366))
    return person


def test_a_start_within_five_years_of_retirement_is_subsidised_to_retirement(post, older, village_assistant):
    retires = roll.retirement_day(older)
    start = add_months(retires, -60) + datetime.timedelta(days=1)
    assert start <= TODAY
    placement = services.place_person(actor=village_assistant, post=post, person=older, started_on=start)
    assert placement.to_retirement
    assert placement.subsidy_until == retires - datetime.timedelta(days=1)
    assert roll.months_touched(start, placement.subsidy_until) > 36


def test_a_start_exactly_five_years_before_is_not(post, older, village_assistant):
    retires = roll.retirement_day(older)
    start = add_months(retires, -60)
    placement = services.place_person(actor=village_assistant, post=post, person=older, started_on=start)
    assert not placement.to_retirement
    assert placement.subsidy_until == month_end(*divmod_month(add_months(start, 35)))


def divmod_month(day):
    return day.year, day.month


def test_before_2017_there_was_no_extension(older):
    start = datetime.date(2016, 6, 1)
    period = roll.subsidy_period(older, start, 0)
    assert not period.to_retirement
    assert period.subsidy_until == datetime.date(2019, 5, 31)
