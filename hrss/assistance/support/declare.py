"""What the support part (援助计划与走访) brings to the area (core/parts.py): hub links, the figures of the
statistics page, the person page's panel, pending work, audit names and the demo."""

from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.assistance.support import audit_names, demo, figures, panels, pending
from hrss.assistance.support.moves import follow_person
from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.residents.services import after_person_moved

PART = Part(
    label="support",
    name="援助计划与走访",
    pending=(pending.without_plan, pending.overdue_visits),
    panels=(Panel("person", "assistance/support/_person_panel.html", panels.person_support, order=62),),
    links=(
        HubLink("就业援助台账", "assistance:support-ledger", ASSISTANCE_VIEW,
                "每名就业困难人员的援助计划、走访、推荐与就业情况；导出 .xlsx", order=20),
        HubLink("走访记录", "assistance:support-visits", ASSISTANCE_VIEW, "按月查看走访", order=21),
    ),
    figures=(
        Figure("有援助计划", figures.with_plan, "assistance:support-ledger", {"plan": "yes"},
               "认定有效且已制定援助计划的人数", order=20),
        Figure("本月走访", figures.visits_this_month, "assistance:support-visits", {}, "本月登记的走访次数", order=21),
        Figure("超期未走访", figures.overdue, "assistance:support-ledger", {"overdue": "1"},
               "认定有效、距上次走访超过规定天数的人数", order=22),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)

after_person_moved(follow_person)  # a standing recognition's plans and visits move with its person (moves.py)
