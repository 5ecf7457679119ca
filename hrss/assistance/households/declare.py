"""What the households part (零就业家庭) brings to the area (core/parts.py): hub links, the figures of the statistics
page with their drill-down, the person page's panel, pending work, audit names and the demo."""

from hrss.assistance.households import audit_names, demo, panels, pending, selectors
from hrss.assistance.households.moves import follow_household
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.residents.services import after_person_moved

PART = Part(
    label="households",
    name="零就业家庭",
    pending=(pending.open_cases,),
    panels=(Panel("person", "assistance/households/_person_panel.html", panels.person_household, order=64),),
    links=(
        HubLink("零就业家庭", "assistance:households-list", ASSISTANCE_VIEW,
                "从发现到清零（动态清零）：核实、援助记录、清零天数；导出台账 .xlsx", order=40),
        HubLink("农村无人就业家庭", "assistance:households-rural", ASSISTANCE_VIEW, "来自人员台账，单独统计（只读）",
                order=41),
    ),
    figures=(
        Figure("本月发现零就业家庭", selectors.count("found_this_month"), "assistance:households-list",
               {"state": "found_this_month"}, "本月发现（台账发现、申报或上报）的零就业家庭户数，不含核实不属于的",
               order=40),
        Figure("本月清零", selectors.count("cleared_this_month"), "assistance:households-list",
               {"state": "cleared_this_month"}, "本月有成员实现就业而清零的户数", order=41),
        Figure("尚未清零", selectors.count("open"), "assistance:households-list", {"state": "open"},
               "待核实或援助中的零就业家庭户数", order=42),
        Figure("超过30天未清零", selectors.count("overdue"), "assistance:households-list", {"state": "overdue"},
               "发现后超过目标天数（30天）仍未清零的户数", order=43),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)

after_person_moved(follow_household)  # an open case moves with its household (moves.py)
