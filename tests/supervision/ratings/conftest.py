import datetime

import pytest

from hrss.core import review
from hrss.core.models import ReviewDecision
from hrss.core.permissions import Role
from hrss.supervision.ratings import services

Action = ReviewDecision.Action

# A chain of its own (core.review is configuration): the village takes the case in, the township decides.
CHAIN = review.register_chain(review.Chain(
    case_type="test.ratings", label="测试服务事项", steps=(
        review.Step("village_intake", "村受理", frozenset({Role.VILLAGE_ASSISTANT}), moves=frozenset()),
        review.Step("township_review", "乡镇审核", frozenset({Role.TOWNSHIP_OFFICER})),
    )))


def close_case(assistant, officer, *, region_code=None, title="张三 测试服务事项", action=Action.APPROVE):
    """A case taken in by `assistant` (in their village) and decided by `officer`: it gets its rating code."""
    case = review.open_case(chain=CHAIN, region_code=region_code or assistant.region.code, subject_id_number="",
                            title=title, actor=assistant)
    return review.act(case=case, actor=officer, action=action, version=case.version,
                      reason="不符合条件" if action == Action.REJECT else "")


def code_of(case):
    return services.RatingCode.objects.get(source="review", source_id=str(case.pk))


@pytest.fixture
def closed_case(village_assistant, township_officer):
    return close_case(village_assistant, township_officer)


@pytest.fixture
def rating_code(closed_case):
    return code_of(closed_case)


def at(day, hour=10):
    """An instant on `day` in Heyuan."""
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
