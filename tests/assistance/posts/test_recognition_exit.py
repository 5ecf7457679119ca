"""A recognition's exit ends the placement standing on it (recognition.services.after_exit): the placement ends on
the exit day with the reason 认定退出, the ledger gets the 终止劳动关系 (not for a death), and the roll pays the
exit's month only up to that day. An exit dated before the placement started is refused and nothing changes. An
officer cannot choose 认定退出 by hand."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.models import Placement, PlacementEndReason, Recognition, RecognitionStatus
from hrss.assistance.posts import roll, services
from hrss.assistance.recognition import services as recognition_services
from hrss.core.dates import add_months, month_end
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY

LAST_MONTH = add_months(TODAY.replace(day=1), -1)
NEXT_MONTH = add_months(TODAY.replace(day=1), 1)


@pytest.fixture
def placement(post, person, village_assistant):
    Recognition.objects.filter(person=person).update(recognised_on=LAST_MONTH - datetime.timedelta(days=30))
    return services.place_person(actor=village_assistant, post=post, person=person, started_on=LAST_MONTH)


def _exit(actor, placement, reason="moved_away", exited_on=TODAY, note=""):
    recognition = Recognition.objects.get(pk=placement.recognition_id)
    return recognition_services.exit_recognition(actor=actor, recognition=recognition, reason=reason,
                                                 exited_on=exited_on, note=note, today=TODAY)


def test_the_exit_ends_the_placement_on_the_exit_day(placement, village_assistant):
    _exit(village_assistant, placement)
    placement.refresh_from_db()
    assert placement.ended_on == TODAY
    assert placement.end_reason == PlacementEndReason.RECOGNITION_EXITED
    assert "迁出本地" in placement.end_note
    assert placement.end_registration is not None  # the ledger's 终止劳动关系
    placement.person.refresh_from_db()
    assert placement.person.labour_status != LabourStatus.EMPLOYED


def test_the_roll_of_the_exit_month_pays_days_up_to_the_exit(placement, village_assistant):
    _exit(village_assistant, placement)
    placement.refresh_from_db()
    line = roll.roll_line(placement, TODAY.year, TODAY.month)
    month_days = month_end(TODAY.year, TODAY.month).day
    assert (line.days, line.month_days) == (TODAY.day, month_days)
    post = placement.post
    if TODAY.day < month_days:
        assert line.post_subsidy == (post.post_subsidy * TODAY.day / month_days).quantize(roll.FEN)
        assert line.insurance_subsidy == (post.insurance_subsidy * TODAY.day / month_days).quantize(roll.FEN)
    assert roll.roll_line(placement, NEXT_MONTH.year, NEXT_MONTH.month) is None


def test_a_death_ends_the_placement_without_a_contract_end(placement, village_assistant):
    _exit(village_assistant, placement, reason="died", note="病故")
    placement.refresh_from_db()
    assert placement.end_reason == PlacementEndReason.RECOGNITION_EXITED
    assert placement.end_registration is None


def test_an_exit_before_the_placement_started_is_refused(placement, village_assistant):
    with pytest.raises(ValidationError, match="退出日期不能早于上岗日期"):
        _exit(village_assistant, placement, exited_on=LAST_MONTH - datetime.timedelta(days=1))
    placement.refresh_from_db()
    assert placement.ended_on is None
    assert Recognition.objects.get(pk=placement.recognition_id).status == RecognitionStatus.RECOGNISED


def test_an_officer_cannot_choose_recognition_exited(placement, village_assistant):
    with pytest.raises(ValidationError, match="请选择离岗原因"):
        services.end_placement(actor=village_assistant, placement=placement, ended_on=TODAY,
                               reason=PlacementEndReason.RECOGNITION_EXITED, today=TODAY)
    assert Placement.objects.get(pk=placement.pk).ended_on is None
