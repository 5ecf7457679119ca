"""The Chinese names of the support part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.assistance.models import VisitWay

ACTIONS = {
    "assistance.plan.save": "制定援助计划（未获准）",
    "assistance.plan.made": "制定援助计划",
    "assistance.plan.revised": "修订援助计划",
    "assistance.visit.record": "登记走访（未获准）",
    "assistance.visit.recorded": "登记走访",
    "assistance.support_ledger.exported": "导出就业援助台账",
}
FIELDS = {
    "plan_items": "援助措施", "plan_other_item": "其他措施说明", "plan_responsible": "责任人", "plan_target_on": "目标日期",
    "plan_notes": "计划说明", "visited_on": "走访日期", "visit_way": "走访方式", "visit_outcome": "走访情况",
    "next_visit_on": "下次走访日期",
}
VALUES = {"visit_way": dict(VisitWay.choices)}
