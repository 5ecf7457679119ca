"""A post takes no more people than its headcount, on the start day and on any later day."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.models import Placement
from hrss.assistance.posts import services
from tests.assistance.posts.conftest import make_post, recognise, register
from tests.conftest import TODAY

YESTERDAY = TODAY - datetime.timedelta(days=1)


@pytest.fixture
def post(heyuan, village_assistant):
    return make_post(village_assistant, headcount=1)


@pytest.fixture
def other(heyuan, village_assistant):
    person = register(village_assistant, "赵第二", serial=13)
    recognise(person, village_assistant)
    return person


def test_a_full_post_refuses_the_next_person(post, person, other, village_assistant):
    services.place_person(actor=village_assistant, post=post, person=person, started_on=YESTERDAY)
    with pytest.raises(ValidationError) as refused:
        services.place_person(actor=village_assistant, post=post, person=other, started_on=TODAY)
    assert "已满员" in str(refused.value)
    assert Placement.objects.filter(person=other).count() == 0


def test_a_place_freed_the_day_before_can_be_taken(post, person, other, village_assistant):
    placement = services.place_person(actor=village_assistant, post=post, person=person,
                                      started_on=YESTERDAY - datetime.timedelta(days=1))
    person.refresh_from_db()
    services.end_placement(actor=village_assistant, placement=placement, ended_on=YESTERDAY, reason="resigned")
    assert services.place_person(actor=village_assistant, post=post, person=other, started_on=TODAY)


def test_the_last_day_in_the_post_still_counts(post, person, other, village_assistant):
    placement = services.place_person(actor=village_assistant, post=post, person=person, started_on=YESTERDAY)
    person.refresh_from_db()
    services.end_placement(actor=village_assistant, placement=placement, ended_on=TODAY, reason="resigned")
    with pytest.raises(ValidationError, match="已满员"):
        services.place_person(actor=village_assistant, post=post, person=other, started_on=TODAY)


def test_a_backdated_start_counts_a_later_placement(post, person, other, village_assistant):
    """Someone placed today fills the post: a start the day before would overlap with them."""
    services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    with pytest.raises(ValidationError, match="已满员"):
        services.place_person(actor=village_assistant, post=post, person=other, started_on=YESTERDAY)
