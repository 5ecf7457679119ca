"""The demo's plans and visits in 下城社区: a revised plan, visits, one person overdue; made once."""

import io

from hrss.assistance.models import AssistancePlan, HomeVisit
from hrss.assistance.support import demo, selectors
from hrss.core.permissions import Role
from tests.assistance.support.conftest import register
from tests.conftest import TODAY, VILLAGE


def test_the_demo_makes_plans_and_visits_once(heyuan, make_user):
    assistant = make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    register(assistant, "演示甲", serial=41)
    register(assistant, "演示乙", serial=43)
    out = io.StringIO()
    demo.demo(out, {"people": True})
    assert "就业援助计划和走访演示数据" in out.getvalue()
    assert list(AssistancePlan.objects.order_by("version").values_list("version", "is_current")) == [
        (1, False), (2, True)]
    assert HomeVisit.objects.count() == 3
    assert [r.person.name for r in selectors.overdue(assistant, None, TODAY)] == ["演示乙"]
    assert demo.generate() == 0
