"""The legal periods of a petition at their boundaries, counted in calendar days as the regulation counts them (the
day of receipt not counted; a last day on a rest day of the 2026 arrangement moves to the next working day): the
accept decision on day 15/16, the handling on day 60/61, the one extension of at most 30 days, the request for 复查
on day 30/31."""

import pytest
from django.core.exceptions import ValidationError

from hrss.supervision import deadlines
from hrss.supervision.models import Petition, PetitionEvent, PetitionState
from hrss.supervision.petitions import selectors, services
from tests.supervision.petitions.conftest import accepted, at_township, d, make_petition, replied


def test_received_on_2_march_is_due_for_a_decision_on_17_march(heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=d("2026-03-02"))
    assert petition.accept_due == d("2026-03-17")
    assert not petition.is_overdue(d("2026-03-17")) and petition.days_left(d("2026-03-17")) == 0
    assert petition.is_overdue(d("2026-03-18")) and petition.days_left(d("2026-03-18")) == -1


def test_a_decision_on_day_15_is_on_time_and_on_day_16_is_taken_but_flagged_late(heyuan, village_assistant,
                                                                               township_officer):
    on_time = at_township(village_assistant, received_on=d("2026-03-02"))
    late = at_township(village_assistant, received_on=d("2026-03-02"), petitioner_name="李四",
                       petitioner_phone="13800000003")
    on_time = services.decide(actor=township_officer, petition=on_time, decision="accept",
                              decided_on=d("2026-03-17"), today=d("2026-03-17"))
    late = services.decide(actor=township_officer, petition=late, decision="accept", decided_on=d("2026-03-18"),
                           today=d("2026-03-18"))
    assert not on_time.decided_late and late.decided_late
    note = PetitionEvent.objects.get(petition=late, kind="accepted").note
    assert "超过受理期限（2026-03-17）1日" in note
    assert "超过受理期限" not in PetitionEvent.objects.get(petition=on_time, kind="accepted").note


def test_the_ledger_flags_the_undecided_petition_overdue_from_day_16(heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=d("2026-03-02"))
    rows = Petition.objects.filter(pk=petition.pk)
    assert not rows.filter(selectors.overdue_q(d("2026-03-17"))).exists()
    assert rows.filter(selectors.overdue_q(d("2026-03-18"))).exists()
    assert selectors.due_text(petition, d("2026-03-18")) == "受理期限 2026-03-17（已超期1日）"
    assert selectors.due_text(petition, d("2026-03-17")) == "受理期限 2026-03-17（今日到期）"
    assert selectors.due_text(petition, d("2026-03-14")) == "受理期限 2026-03-17（剩3日）"


def test_handling_is_due_60_days_after_acceptance(heyuan, village_assistant, township_officer):
    petition = accepted(village_assistant, township_officer, received_on=d("2026-03-02"),
                        accepted_on=d("2026-03-09"))
    assert petition.handle_due == petition.handle_due_initial == d("2026-05-08")  # a Friday, a working day
    assert not petition.is_overdue(d("2026-05-08")) and petition.is_overdue(d("2026-05-09"))


@pytest.mark.parametrize(("replied_on", "late"), [("2026-05-08", False), ("2026-05-09", True)])
def test_a_reply_on_day_60_is_on_time_and_on_day_61_is_late(replied_on, late, heyuan, village_assistant,
                                                             township_officer):
    petition = replied(village_assistant, township_officer, received_on=d("2026-03-02"),
                       accepted_on=d("2026-03-09"), replied_on=d(replied_on))
    assert petition.state == PetitionState.REPLIED and petition.replied_late is late
    assert ("超过办理期限" in PetitionEvent.objects.get(petition=petition, kind="replied").note) is late


def test_the_extension_counts_from_the_handle_due_date_once_and_at_most_30_days(heyuan, village_assistant,
                                                                               township_officer, township_reviewer):
    petition = accepted(village_assistant, township_officer, received_on=d("2026-03-02"),
                        accepted_on=d("2026-03-09"))
    with pytest.raises(ValidationError) as refused:
        services.extend(actor=township_reviewer, petition=petition, days=31, reason="案情复杂，需调取工资台账",
                        today=d("2026-05-01"))
    assert "延长期限不得超过30日" in str(refused.value)
    # 30 days from Friday 8 May is Sunday 7 June: the period ends on Monday 8 June.
    petition = services.extend(actor=township_reviewer, petition=petition, days=30, reason="案情复杂，需调取工资台账",
                               today=d("2026-05-01"))
    assert petition.handle_due == d("2026-06-08") and petition.handle_due_initial == d("2026-05-08")
    assert petition.extension_days == 30 and petition.extension_reason == "案情复杂，需调取工资台账"
    with pytest.raises(ValidationError) as again:
        services.extend(actor=township_reviewer, petition=petition, days=1, reason="再延", today=d("2026-05-02"))
    assert "办理期限只能延长一次" in str(again.value)
    petition.refresh_from_db()
    assert petition.handle_due == d("2026-06-08") and petition.extension_days == 30


def test_a_shorter_extension_counts_its_own_days(heyuan, village_assistant, township_officer, township_reviewer):
    petition = accepted(village_assistant, township_officer, received_on=d("2026-03-02"),
                        accepted_on=d("2026-03-09"))
    petition = services.extend(actor=township_reviewer, petition=petition, days=20, reason="等待单位提供材料",
                               today=d("2026-05-08"))
    assert petition.handle_due == d("2026-05-28")
    assert not petition.is_overdue(d("2026-05-28")) and petition.is_overdue(d("2026-05-29"))


def test_no_extension_after_the_handle_period_has_ended(heyuan, village_assistant, township_officer,
                                                        township_reviewer):
    petition = accepted(village_assistant, township_officer, received_on=d("2026-03-02"),
                        accepted_on=d("2026-03-09"))
    with pytest.raises(ValidationError) as refused:
        services.extend(actor=township_reviewer, petition=petition, days=10, reason="补充调查", today=d("2026-05-09"))
    assert "办理期限已于2026-05-08届满，不能再延期" in str(refused.value)
    petition.refresh_from_db()
    assert petition.extension_days is None and petition.handle_due == d("2026-05-08")


def test_review_may_be_asked_on_day_30_after_the_reply_and_not_on_day_31(heyuan, village_assistant,
                                                                        township_officer, county_officer):
    first = replied(village_assistant, township_officer, received_on=d("2026-03-02"), accepted_on=d("2026-03-09"),
                    replied_on=d("2026-06-01"))
    second = replied(village_assistant, township_officer, received_on=d("2026-03-02"), accepted_on=d("2026-03-09"),
                     replied_on=d("2026-06-01"), petitioner_name="李四", petitioner_phone="13800000003")
    assert first.review_request_due == d("2026-07-01")
    with pytest.raises(ValidationError) as refused:
        services.request_review(actor=county_officer, petition=second, requested_on=d("2026-07-02"),
                                text="对答复金额不服", today=d("2026-07-02"))
    assert "至2026-07-01" in str(refused.value) and "已超过期限，不予复查" in str(refused.value)
    second.refresh_from_db()
    assert second.state == PetitionState.REPLIED and second.review_requested_on is None
    first = services.request_review(actor=county_officer, petition=first, requested_on=d("2026-07-01"),
                                    text="对答复金额不服", today=d("2026-07-01"))
    assert first.state == PetitionState.REVIEW and first.review_due == d("2026-07-31")


def test_the_recheck_period_runs_from_the_review_opinion(heyuan, village_assistant, township_officer,
                                                         county_officer, city_admin):
    petition = replied(village_assistant, township_officer, received_on=d("2026-03-02"), accepted_on=d("2026-03-09"),
                       replied_on=d("2026-06-01"))
    petition = services.request_review(actor=county_officer, petition=petition, requested_on=d("2026-06-10"),
                                       text="不服", today=d("2026-06-10"))
    petition = services.decide_review(actor=county_officer, petition=petition, opinion="维持原答复意见。",
                                      decided_on=d("2026-07-03"), today=d("2026-07-03"))
    assert petition.recheck_request_due == d("2026-08-03")  # 2 August is a Sunday
    with pytest.raises(ValidationError) as late:
        services.request_recheck(actor=city_admin, petition=petition, requested_on=d("2026-08-04"), text="不服",
                                 today=d("2026-08-04"))
    assert "不予复核" in str(late.value)


# --- the rest-day roll-over, with the 2026 arrangement ------------------------------------------------------------

@pytest.mark.parametrize(("received_on", "due", "why"), [
    ("2026-03-06", "2026-03-23", "15 days after Friday 6 March is Saturday 21 March: Monday 23 March"),
    ("2026-09-16", "2026-10-08", "the 15th day is 1 October, National Day: the first working day after the holiday"),
    ("2026-04-24", "2026-05-09", "Saturday 9 May is a working day of the 2026 arrangement (调休上班): no roll-over"),
    ("2026-01-20", "2026-02-04", "a Wednesday: as counted"),
])
def test_a_last_day_on_a_rest_day_moves_to_the_next_working_day(received_on, due, why, heyuan, village_assistant):
    petition = make_petition(village_assistant, received_on=d(received_on))
    assert petition.accept_due == d(due), why


def test_the_deadlines_refuse_more_days_than_the_rule(db):
    with pytest.raises(ValueError):
        deadlines.due("petition-extension", d("2026-05-08"), days=31)
    assert deadlines.due("petition-extension", d("2026-05-08"), days=30) == d("2026-06-08")
