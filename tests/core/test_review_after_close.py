"""core.review.after_case_closed: an area's hook runs in the closing move's transaction, for each way a case
closes and for no other move."""

import datetime

import pytest

from hrss.core import review
from hrss.core.models import ReviewCase, ReviewDecision
from hrss.core.permissions import Role
from tests.conftest import COUNTY
from tests.core.test_review import SAMPLE, VILLAGE

pytestmark = pytest.mark.usefixtures("calendar_as_seeded_in_2026")

Action = ReviewDecision.Action
D = datetime.date


@pytest.fixture
def closed():
    seen = []

    def hook(case):
        # Inside the move: the case is already closed in the database when the hook runs.
        seen.append((case.pk, case.status, ReviewCase.objects.get(pk=case.pk).closed_at is not None))

    review.after_case_closed(hook)
    review.after_case_closed(hook)  # registering twice runs it once
    yield seen
    review._after_close.remove(hook)


@pytest.fixture
def case(village_assistant):
    return review.open_case(chain=SAMPLE, region_code=VILLAGE, subject_id_number="", title="张三 测试业务",
                            actor=village_assistant, today=D(2026, 2, 12))


def test_the_hook_runs_once_when_a_case_is_approved_and_not_on_the_moves_before(case, closed, township_officer,
                                                                                 make_user):
    approver = make_user("cara", COUNTY, Role.COUNTY_APPROVER)
    case = review.act(case=case, actor=township_officer, action=Action.FORWARD, version=case.version)
    assert closed == []
    review.act(case=case, actor=approver, action=Action.APPROVE, version=case.version)
    assert closed == [(case.pk, ReviewCase.Status.APPROVED, True)]


def test_the_hook_runs_on_a_refusal_and_a_withdrawal_but_not_on_a_return(case, closed, township_officer,
                                                                          village_assistant):
    case = review.act(case=case, actor=township_officer, action=Action.RETURN, version=case.version, reason="缺材料")
    assert closed == []
    review.act(case=case, actor=village_assistant, action=Action.WITHDRAW, version=case.version, reason="不办了")
    other = review.open_case(chain=SAMPLE, region_code=VILLAGE, subject_id_number="", title="李四",
                             actor=village_assistant)
    review.act(case=other, actor=township_officer, action=Action.REJECT, version=other.version, reason="不符合")
    assert [status for _pk, status, _closed in closed] == [ReviewCase.Status.WITHDRAWN, ReviewCase.Status.REJECTED]


def test_a_failing_hook_undoes_the_closing_move(case, township_officer):
    def broken(case):
        raise RuntimeError("hook failed")

    review.after_case_closed(broken)
    try:
        with pytest.raises(RuntimeError):
            review.act(case=case, actor=township_officer, action=Action.REJECT, version=case.version,
                       reason="不符合")
    finally:
        review._after_close.remove(broken)
    case.refresh_from_db()
    assert case.is_open and case.closed_at is None
    assert not case.decisions.filter(action=Action.REJECT).exists()
