"""The training-subsidy claim: prepared by the course's office for its completed trainees, checked by the county's
经办员 (not the one who prepared it), approved by the county's 审批员, with working-day deadlines; a trainee is claimed
once; the claim's page shows its moves, and the queue and the home page's 待办 show what waits for the user."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.core import review, workdays
from hrss.core.models import ReviewCase, ReviewDecision
from hrss.core.pending import pending_work_for
from hrss.jobservices.training import services
from hrss.jobservices.training.chains import TRAINING_SUBSIDY
from tests.conftest import TODAY

Action = ReviewDecision.Action


@pytest.fixture
def completed_course(ended_course, resident, county_officer):
    for name in ("甲", "乙"):
        enrolment = services.enrol(actor=county_officer, course=ended_course, person=resident(name=name),
                                   today=ended_course.starts_on)
        services.complete(actor=county_officer, enrolment=enrolment, certificate_kind="skill_level",
                          certificate_number=f"S-{name}", completed_on=ended_course.ends_on)
    return ended_course


def _move(claim, actor, action, reason=""):
    claim.case.refresh_from_db()
    return services.decide_subsidy_claim(actor=actor, claim=claim, action=action, version=claim.case.version,
                                         reason=reason)


def test_a_claim_goes_through_the_county_and_is_approved(completed_course, county_officer, second_county_officer,
                                                         county_approver):
    claim = services.prepare_subsidy_claim(actor=county_officer, course=completed_course, note="2人合格")
    assert (claim.total, claim.lines.count(), claim.case.step) == (3000, 2, "county_handling")
    calendar = workdays.Calendar.load()
    assert claim.case.due_date == calendar.add(TODAY, 10)
    _move(claim, second_county_officer, Action.FORWARD)
    assert claim.case.step == "county_approval"
    _move(claim, county_approver, Action.APPROVE)
    assert claim.case.status == ReviewCase.Status.APPROVED
    steps = list(claim.case.decisions.order_by("id").values_list("step", "action"))
    assert steps == [("office_prepare", "submit"), ("county_handling", "forward"), ("county_approval", "approve")]


def test_the_officer_who_prepared_does_not_check_it(completed_course, county_officer):
    claim = services.prepare_subsidy_claim(actor=county_officer, course=completed_course)
    with pytest.raises(review.MoveRefused, match="申报人不能复核"):
        _move(claim, county_officer, Action.FORWARD)


def test_a_trainee_is_claimed_once(completed_course, county_officer, second_county_officer):
    claim = services.prepare_subsidy_claim(actor=county_officer, course=completed_course)
    with pytest.raises(ValidationError, match="没有可申领补贴的结业学员"):
        services.prepare_subsidy_claim(actor=county_officer, course=completed_course)
    # A refused claim frees its trainees for a corrected one.
    _move(claim, second_county_officer, Action.REJECT, "证书编号与名册不符")
    again = services.prepare_subsidy_claim(actor=county_officer, course=completed_course)
    assert again.total == 3000


def test_no_claim_before_the_course_ends(make_course, county_officer):
    course = make_course()
    with pytest.raises(ValidationError, match="结业后才能申领"):
        services.prepare_subsidy_claim(actor=county_officer, course=course)


def test_a_township_officer_prepares_for_the_townships_course(ended_course, township_officer, county_officer,
                                                              resident):
    enrolment = services.enrol(actor=county_officer, course=ended_course, person=resident(),
                               today=ended_course.starts_on)
    services.complete(actor=county_officer, enrolment=enrolment, certificate_kind="training",
                      certificate_number="P1", completed_on=ended_course.ends_on)
    claim = services.prepare_subsidy_claim(actor=township_officer, course=ended_course)
    assert claim.case.step == "county_handling"


def test_a_village_assistant_cannot_prepare_a_claim(completed_course, village_assistant):
    with pytest.raises(PermissionDenied):
        services.prepare_subsidy_claim(actor=village_assistant, course=completed_course)


def test_the_claim_page_queue_and_pending_work(completed_course, county_officer, second_county_officer):
    claim = services.prepare_subsidy_claim(actor=county_officer, course=completed_course)
    client = Client()
    client.force_login(second_county_officer)
    queue = client.get("/jobservices/training/claims/").content.decode()
    assert completed_course.name in queue and f"/jobservices/training/claims/{claim.pk}/" in queue
    page = client.get(f"/jobservices/training/claims/{claim.pk}/").content.decode()
    assert "3,000.00" in page and "S-甲" in page and TRAINING_SUBSIDY.step("county_handling").label in page
    assert "复核通过，报县(区)审批" in page
    items = [item for item in pending_work_for(second_county_officer) if item.title == "待办理的培训补贴申领"]
    assert items and items[0].count == 1
    client.post(f"/jobservices/training/claims/{claim.pk}/act/", {"action": "forward",
                                                                  "version": claim.case.version})
    claim.case.refresh_from_db()
    assert claim.case.step == "county_approval"
    page = client.get(f"/jobservices/training/claims/{claim.pk}/").content.decode()
    assert "cody" in page  # who made the move


def test_only_the_preparing_office_withdraws_or_resubmits(ended_course, township_officer, county_officer,
                                                          second_county_officer, resident):
    enrolment = services.enrol(actor=county_officer, course=ended_course, person=resident(),
                               today=ended_course.starts_on)
    services.complete(actor=county_officer, enrolment=enrolment, certificate_kind="training",
                      certificate_number="P1", completed_on=ended_course.ends_on)
    claim = services.prepare_subsidy_claim(actor=township_officer, course=ended_course)
    with pytest.raises(review.MoveRefused, match="由申报单位撤回"):
        _move(claim, county_officer, Action.WITHDRAW, "县里撤回")
    client = Client()
    client.force_login(county_officer)
    assert "撤回申报" not in client.get(f"/jobservices/training/claims/{claim.pk}/").content.decode()
    _move(claim, second_county_officer, Action.RETURN, "证书复印件不清晰")
    with pytest.raises(review.MoveRefused, match="由申报单位撤回"):
        _move(claim, county_officer, Action.RESUBMIT)
    _move(claim, township_officer, Action.RESUBMIT)
    assert (claim.case.status, claim.case.step) == ("open", "county_handling")
