import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction

from hrss.core import review, workdays
from hrss.core.models import AppendOnlyError, AuditEntry, ReviewCase, ReviewDecision
from hrss.core.permissions import Role
from tests.conftest import COUNTY, NEIGHBOUR_TOWNSHIP, NEIGHBOUR_VILLAGE, VILLAGE

# A year without an arrangement is 2027 here, whatever the seed holds by now.
pytestmark = pytest.mark.usefixtures("calendar_as_seeded_in_2026")

D = datetime.date
Action = ReviewDecision.Action

SAMPLE = review.register_chain(review.Chain(
    case_type="test.sample", label="测试业务", steps=(
        review.Step("village_intake", "村受理", frozenset({Role.VILLAGE_ASSISTANT}), deadline_days=5,
                    moves=frozenset()),
        review.Step("township_review", "乡镇审核", frozenset({Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER}),
                    deadline_days=5),
        review.Step("county_approval", "县区审批", frozenset({Role.COUNTY_APPROVER}), deadline_days=10),
    )))


@pytest.fixture
def county_approver(make_user):
    return make_user("cara", COUNTY, Role.COUNTY_APPROVER)


@pytest.fixture
def case(village_assistant):
    return review.open_case(chain=SAMPLE, region_code=VILLAGE, subject_id_number="44160219800101001X",
                            title="张三 测试业务", actor=village_assistant, today=D(2026, 2, 12))


def test_the_intake_sends_the_case_to_the_township_with_a_working_day_deadline(case):
    assert (case.status, case.step) == (ReviewCase.Status.OPEN, "township_review")
    # 5 working days from Thursday 2026-02-12 across the Spring Festival: 2/13, 2/14 (a worked Saturday), 2/24-26.
    assert case.due_date == D(2026, 2, 26)
    assert [(d.step, d.action, d.to_step) for d in case.decisions.all()] == [
        ("village_intake", Action.SUBMIT, "township_review")]
    assert AuditEntry.objects.filter(action="test.sample.submitted", subject_id_number=case.subject_id_number).exists()


def test_township_forwards_and_county_approves(case, township_officer, county_approver):
    case = review.act(case=case, actor=township_officer, action=Action.FORWARD, version=case.version,
                      today=D(2026, 2, 24))
    assert (case.step, case.due_date) == ("county_approval", D(2026, 3, 9))  # Saturday 2/28 was worked
    case = review.act(case=case, actor=county_approver, action=Action.APPROVE, version=case.version)
    assert case.status == ReviewCase.Status.APPROVED and case.closed_at and case.due_date is None
    assert [d.action for d in case.decisions.all()] == [Action.SUBMIT, Action.FORWARD, Action.APPROVE]


def test_a_case_sent_back_for_correction_waits_for_the_village_and_comes_back(case, township_officer,
                                                                               village_assistant):
    with pytest.raises(review.MoveRefused, match="理由"):
        review.act(case=case, actor=township_officer, action=Action.RETURN, version=case.version)
    case = review.act(case=case, actor=township_officer, action=Action.RETURN, version=case.version,
                      reason="缺终止劳动关系证明", today=D(2026, 3, 2))
    assert (case.status, case.step, case.due_date) == (ReviewCase.Status.RETURNED, "village_intake", D(2026, 3, 9))
    assert list(review.queue_for(village_assistant)) == [case]
    assert not review.queue_for(township_officer).exists()
    case = review.act(case=case, actor=village_assistant, action=Action.RESUBMIT, version=case.version,
                      today=D(2026, 3, 3))
    assert (case.status, case.step, case.due_date) == (ReviewCase.Status.OPEN, "township_review", D(2026, 3, 10))
    assert case.decisions.get(action=Action.RETURN).reason == "缺终止劳动关系证明"


def test_a_refusal_and_a_withdrawal_close_the_case_with_their_reason(case, township_officer, village_assistant):
    refused = review.act(case=case, actor=township_officer, action=Action.REJECT, version=case.version,
                         reason="已在其他地区登记失业")
    assert refused.status == ReviewCase.Status.REJECTED
    with pytest.raises(review.MoveRefused):
        review.act(case=refused, actor=township_officer, action=Action.FORWARD, version=refused.version)
    other = review.open_case(chain=SAMPLE, region_code=VILLAGE, subject_id_number="", title="李四",
                             actor=village_assistant)
    withdrawn = review.act(case=other, actor=village_assistant, action=Action.WITHDRAW, version=other.version,
                           reason="本人已找到工作")
    assert withdrawn.status == ReviewCase.Status.WITHDRAWN


def test_a_step_by_someone_without_the_role_is_refused_and_audited(case, village_assistant, county_approver):
    for actor in (village_assistant, county_approver):  # the intake, and the next step's approver
        with pytest.raises(PermissionDenied):
            review.act(case=case, actor=actor, action=Action.FORWARD, version=case.version)
    assert AuditEntry.objects.filter(action="review.forward", outcome=AuditEntry.Outcome.DENIED).count() == 2
    case.refresh_from_db()
    assert case.step == "township_review" and case.decisions.count() == 1


def test_a_step_from_outside_the_cases_region_is_refused_and_audited(case, make_user):
    neighbour_township_officer = make_user("nick", NEIGHBOUR_TOWNSHIP, Role.TOWNSHIP_OFFICER)
    with pytest.raises(PermissionDenied):
        review.act(case=case, actor=neighbour_township_officer, action=Action.FORWARD, version=case.version)
    assert AuditEntry.objects.filter(actor=neighbour_township_officer, outcome=AuditEntry.Outcome.DENIED).exists()
    assert not review.queue_for(neighbour_township_officer).exists()


def test_an_intake_outside_the_assistants_village_is_refused(neighbour_village_assistant):
    with pytest.raises(PermissionDenied):
        review.open_case(chain=SAMPLE, region_code=VILLAGE, subject_id_number="", title="x",
                         actor=neighbour_village_assistant)
    assert not ReviewCase.objects.exists()
    assert AuditEntry.objects.filter(action="test.sample.submit", outcome=AuditEntry.Outcome.DENIED).exists()


def test_the_second_of_two_officers_acting_at_once_is_told_the_case_changed(case, make_user, township_officer):
    reviewer = make_user("rita", "441602001000", Role.TOWNSHIP_REVIEWER)
    first_view, second_view = ReviewCase.objects.get(pk=case.pk), ReviewCase.objects.get(pk=case.pk)
    review.act(case=first_view, actor=township_officer, action=Action.FORWARD, version=first_view.version)
    with pytest.raises(review.CaseChanged, match="刷新"):
        review.act(case=second_view, actor=reviewer, action=Action.REJECT, version=second_view.version,
                   reason="不符合条件")
    case.refresh_from_db()
    assert case.status == ReviewCase.Status.OPEN and case.step == "county_approval"
    assert [d.action for d in case.decisions.all()] == [Action.SUBMIT, Action.FORWARD]


def test_queues_put_overdue_and_due_cases_first(village_assistant, township_officer, make_user):
    def open_on(day, title):
        return review.open_case(chain=SAMPLE, region_code=VILLAGE, subject_id_number="", title=title,
                                actor=village_assistant, today=day)

    later, overdue, sooner = open_on(D(2026, 11, 20), "后到期"), open_on(D(2026, 11, 2), "已逾期"), \
        open_on(D(2026, 11, 18), "先到期")
    neighbour = make_user("bo", NEIGHBOUR_VILLAGE, Role.VILLAGE_ASSISTANT)
    review.open_case(chain=SAMPLE, region_code=NEIGHBOUR_VILLAGE, subject_id_number="", title="公园社区的",
                     actor=neighbour)
    queue = [case for case in review.queue_for(township_officer) if case.title != "公园社区的"]
    assert queue == [overdue, sooner, later]
    today = D(2026, 11, 25)
    assert review.timing(overdue, today=today).label == "已逾期 12 个工作日"  # due Monday 11/9
    assert review.timing(sooner, today=today).label == "今天到期"
    assert review.timing(later, today=today).label == "剩 2 个工作日"


def test_a_deadline_in_a_year_without_an_arrangement_waits_and_is_filled_when_it_is_loaded(village_assistant):
    case = review.open_case(chain=SAMPLE, region_code=VILLAGE, subject_id_number="", title="年底受理",
                            actor=village_assistant, today=D(2026, 12, 28))
    assert case.due_date is None
    assert "截止日期待定" in review.timing(case, today=D(2026, 12, 28)).label
    days = {D(2027, 1, 1): ("holiday", "元旦")}
    workdays.load_arrangement(days=days, years={2027}, actor=None, source="测试")
    case.refresh_from_db()
    assert case.due_date == D(2027, 1, 5)  # 12/29, 12/30, 12/31, (1/1 元旦), 1/4, 1/5


def test_the_decision_log_cannot_be_rewritten(case):
    decision = case.decisions.get()
    decision.reason = "改写"
    with pytest.raises(AppendOnlyError):
        decision.save()
    with pytest.raises(AppendOnlyError):
        decision.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        ReviewDecision.objects.filter(pk=decision.pk).update(reason="改写")


def test_a_dated_deadline_applies_to_cases_reaching_the_step_from_its_date(db):
    step = review.Step("s", "环节", frozenset(), deadline_days=((D(2010, 1, 1), 5), (D(2026, 12, 1), 3)))
    assert (step.deadline_on(D(2026, 11, 30)), step.deadline_on(D(2026, 12, 1))) == (5, 3)
    assert step.due_date(D(2026, 11, 30)) == D(2026, 12, 7)  # Monday + 5 working days
    assert step.due_date(D(2026, 12, 1)) == D(2026, 12, 4)  # Tuesday + 3
