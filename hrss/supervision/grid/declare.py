"""What the grid part (网格化管理) brings to the area (core/parts.py): hub links, the figures of the statistics
page, pending work (the leads waiting for the township's decision), audit names and the demo."""

from hrss.core.parts import Figure, HubLink, Part
from hrss.supervision.grid import audit_names, demo, figures, pending
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW

PART = Part(
    label="grid",
    name="网格化管理",
    pending=(pending.open_leads,),
    links=(
        HubLink("网格", "supervision:grid-cell", SUPERVISION_VIEW,
                "每个村(社区)、乡镇(街道)是一个网格：网格员、线索、走访与数字", order=30),
        HubLink("网格线索台账", "supervision:grid-leads", SUPERVISION_VIEW,
                "欠薪、未签劳动合同等线索，移交劳动保障监察或不予移交；导出 .xlsx", order=31),
        HubLink("走访用人单位台账", "supervision:grid-visits", SUPERVISION_VIEW, "网格员日常走访用人单位的记录；导出 .xlsx",
                order=32),
        HubLink("报告线索", "supervision:grid-lead-new", SUPERVISION_HANDLE, "网格内发现的用人单位问题", order=33),
    ),
    figures=(
        Figure("本年网格线索", figures.leads_this_year, "supervision:grid-leads", {},
               "本年报告的网格线索数", order=30),
        Figure("待处理网格线索", figures.open_leads, "supervision:grid-leads", {"state": "reported", "year": "all"},
               "已报告、尚未移交或处理的线索数", order=31),
        Figure("本年走访用人单位次数", figures.visits_this_year, "supervision:grid-visits", {},
               "本年网格员走访用人单位的次数", order=32),
        Figure("本年走访的用人单位", figures.employers_visited, "supervision:grid-visits", {},
               "本年走访过的用人单位数（按统一社会信用代码，无代码的按名称）", order=33),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)
