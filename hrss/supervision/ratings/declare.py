"""What the ratings part (好差评与意见箱) brings to the area (core/parts.py): hub links, the figures of the
statistics page, pending work, audit names and the demo; and its hooks: a rating code for each review case that closes
(core.review.after_case_closed) and the complaints' reply deadlines once a year's holidays are loaded
(core.workdays.after_arrangement_loaded)."""

from hrss.core import review, workdays
from hrss.core.parts import Figure, HubLink, Part
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.ratings import audit_names, demo, figures, pending, services

PART = Part(
    label="ratings",
    name="好差评与意见箱",
    pending=(pending.complaints_to_answer,),
    links=(
        HubLink("评价台账", "supervision:ratings-ledger", SUPERVISION_VIEW,
                "群众凭评价码对办结服务的评价；按评价、月份、机构、事项筛选，导出 .xlsx", order=60),
        HubLink("各机构服务评价", "supervision:ratings-offices", SUPERVISION_VIEW,
                "每月各机构的办结数、评价数、平均分、满意率、差评和投诉", order=61),
        HubLink("投诉（差评与意见箱）", "supervision:ratings-complaints", SUPERVISION_VIEW,
                "差评和意见箱投诉由乡镇核实答复，逾期标红", order=62),
        HubLink("登记投诉（意见箱）", "supervision:ratings-complaint-new", SUPERVISION_HANDLE,
                "电话、来信、来访或意见箱收到的投诉", order=63),
        HubLink("已办结案件与评价凭条", "supervision:ratings-completed", SUPERVISION_VIEW,
                "打印评价凭条（评价码和二维码）交给办事群众", order=64),
    ),
    figures=(
        Figure("本月服务评价", figures.rated, "supervision:ratings-ledger", {}, "本月群众凭评价码作出的评价数",
               order=60),
        Figure("本月差评", figures.poor, "supervision:ratings-ledger", {"score": "poor"},
               "本月评价为不满意或非常不满意的", order=61),
        Figure("办理中的投诉", figures.complaints_open, "supervision:ratings-complaints", {"state": "open"},
               "差评和意见箱投诉中尚未答复的（按办理机构）", order=62),
        Figure("逾期未答复的投诉", figures.complaints_overdue, "supervision:ratings-complaints", {"overdue": "1"},
               "已过答复期限仍未答复的投诉", order=63),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)

review.after_case_closed(services.code_for_closed_case)  # every decided review case gets its rating code
workdays.after_arrangement_loaded(services.fill_missing_due_dates)  # deadlines waiting for a year's holidays
