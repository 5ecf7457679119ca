"""Complaints (意见箱 and 差评): entered by staff about an office of their scope, handled by its township, closed only
by a reply; a complaint about a staff member never reaches that member's own account."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.permissions import Role
from hrss.supervision.models import Complaint, ComplaintOrigin, ComplaintState, Score
from hrss.supervision.ratings import selectors, services
from hrss.supervision.ratings.pending import complaints_to_answer
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY_VILLAGE, TODAY, TOWNSHIP, VILLAGE


def _record(actor, **changes):
    return services.record_complaint(**{
        "actor": actor, "office_code": VILLAGE, "origin": ComplaintOrigin.PHONE, "text": "窗口无人",
        "received_on": TODAY, "complainant_name": "赵六", "complainant_phone": "13800000000", **changes})


def test_a_phoned_complaint_about_a_village_goes_to_its_township(heyuan, township_officer, village_assistant):
    complaint = _record(township_officer, about_staff=village_assistant)
    assert (complaint.region_code, complaint.office_code, complaint.origin, complaint.created_by) == (
        TOWNSHIP, VILLAGE, "phone", township_officer)
    assert complaint.due_date > TODAY and complaint.state == ComplaintState.OPEN


def test_a_village_assistant_may_enter_one_about_their_village_but_not_about_themself(
        heyuan, village_assistant, make_user):
    colleague = make_user("alice2", VILLAGE, Role.VILLAGE_ASSISTANT)
    assert _record(village_assistant, about_staff=colleague).region_code == TOWNSHIP
    with pytest.raises(ValidationError) as refused:
        _record(village_assistant, about_staff=village_assistant)
    assert "本人" in refused.value.message_dict["about_staff"][0]


def test_the_staff_member_must_work_at_the_office_named(heyuan, township_officer, village_assistant):
    with pytest.raises(ValidationError) as refused:
        _record(township_officer, office_code=TOWNSHIP, about_staff=village_assistant)
    assert "不是被投诉机构的工作人员" in refused.value.message_dict["about_staff"][0]


def test_bad_input_is_refused_saying_what_to_fix(heyuan, township_officer):
    with pytest.raises(ValidationError) as refused:
        _record(township_officer, origin=ComplaintOrigin.RATING, text=" ", complainant_phone="abc",
                received_on=TODAY + datetime.timedelta(days=1))
    assert set(refused.value.message_dict) == {"origin", "text", "complainant_phone", "received_on"}
    assert not Complaint.objects.exists()


def test_an_office_outside_the_scope_is_refused(heyuan, village_assistant):
    with pytest.raises(PermissionDenied):
        _record(village_assistant, office_code=NEIGHBOUR_COUNTY_VILLAGE)


def test_a_reply_is_needed_to_close_and_closes_once(heyuan, township_officer):
    complaint = _record(township_officer)
    with pytest.raises(ValidationError) as refused:
        services.reply_complaint(actor=township_officer, complaint=complaint, reply="  ", outcome="upheld")
    assert "reply" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:  # the outcome is found when answering: required with it
        services.reply_complaint(actor=township_officer, complaint=complaint, reply="已核实，批评教育", outcome="")
    assert "查实、部分查实或不属实" in refused.value.message_dict["outcome"][0]
    complaint.refresh_from_db()
    assert complaint.is_open
    closed = services.reply_complaint(actor=township_officer, complaint=complaint, reply="已核实，批评教育",
                                      outcome="upheld")
    assert (closed.state, closed.replied_on, closed.replied_by) == (ComplaintState.CLOSED, TODAY, township_officer)
    assert closed.get_outcome_display() == "查实"
    with pytest.raises(ValidationError, match="已经答复"):
        services.reply_complaint(actor=township_officer, complaint=complaint, reply="再答复", outcome="upheld")


def test_the_village_cannot_answer_for_its_township(heyuan, township_officer, village_assistant):
    complaint = _record(township_officer)
    with pytest.raises(PermissionDenied):
        services.reply_complaint(actor=village_assistant, complaint=complaint, reply="我来答复", outcome="unfounded")


def test_overdue_after_the_due_date_while_open(heyuan, township_officer):
    complaint = _record(township_officer)
    assert not complaint.is_overdue(complaint.due_date)
    assert complaint.is_overdue(complaint.due_date + datetime.timedelta(days=1))
    assert list(selectors.complaints(township_officer, overdue=True, today=complaint.due_date
                                     + datetime.timedelta(days=1))) == [complaint]
    services.reply_complaint(actor=township_officer, complaint=complaint, reply="已处理", outcome="unfounded")
    complaint.refresh_from_db()
    assert not complaint.is_overdue(complaint.due_date + datetime.timedelta(days=1))


def test_the_township_finds_them_in_its_pending_work(heyuan, township_officer, county_officer, village_assistant,
                                                    rating_code):
    services.rate(code=rating_code.code, score=Score.POOR, reason="态度差")
    [item] = complaints_to_answer(township_officer)
    assert (item.count, item.overdue) == (1, 0) and "handler=" + TOWNSHIP in item.url
    assert complaints_to_answer(county_officer)[0].count == 0  # the county's own office handles none of these
    assert complaints_to_answer(village_assistant)[0].count == 0


def test_the_person_complained_about_is_never_shown_it(heyuan, make_user, township_officer):
    """At the township's own counter: a complaint about one officer is handled by the colleague."""
    colleague = make_user("tom", TOWNSHIP, Role.TOWNSHIP_OFFICER)
    complaint = _record(colleague, office_code=TOWNSHIP, about_staff=township_officer)
    assert list(selectors.complaints_visible_to(colleague)) == [complaint]
    assert not selectors.complaints_visible_to(township_officer).exists()
    assert complaints_to_answer(township_officer)[0].count == 0
    with pytest.raises(PermissionDenied):
        services.reply_complaint(actor=township_officer, complaint=complaint, reply="不属实", outcome="unfounded")
    assert Complaint.objects.get().is_open


def test_a_county_office_handles_complaints_about_itself(heyuan, county_officer):
    assert _record(county_officer, office_code=COUNTY).region_code == COUNTY
