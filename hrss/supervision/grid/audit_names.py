"""The Chinese names of the grid part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.supervision.models import GridStaffPost, LeadKind, LeadState

ACTIONS = {
    "supervision.grid.open_cell": "查看网格（未获准）",
    "supervision.grid_staff.add": "设置网格员（未获准）",
    "supervision.grid_staff.added": "设置网格员",
    "supervision.grid_staff.remove": "网格员卸任（未获准）",
    "supervision.grid_staff.removed": "网格员卸任",
    "supervision.lead.report": "报告网格线索（未获准）",
    "supervision.lead.reported": "报告网格线索",
    "supervision.lead.forward": "移交网格线索（未获准）",
    "supervision.lead.forwarded": "移交网格线索至劳动保障监察",
    "supervision.lead.dismiss": "网格线索不予移交（未获准）",
    "supervision.lead.dismissed": "网格线索不予移交",
    "supervision.lead.correct": "更正网格线索（未获准）",
    "supervision.lead.corrected": "更正网格线索",
    "supervision.employer_visit.correct": "更正走访记录（未获准）",
    "supervision.employer_visit.corrected": "更正走访记录",
    "supervision.lead.resolve": "网格线索现场解决（未获准）",
    "supervision.lead.resolved": "网格线索已现场解决",
    "supervision.employer_visit.record": "登记走访用人单位（未获准）",
    "supervision.employer_visit.recorded": "登记走访用人单位",
    "supervision.grid_leads.exported": "导出网格线索台账",
    "supervision.grid_visits.exported": "导出走访用人单位台账",
}
FIELDS = {
    "staff_name": "网格员姓名", "phone": "联系电话", "grid_post": "网格员职务", "since": "任职日期",
    "account": "平台账号", "left_on": "卸任日期", "employer_name": "用人单位", "employer_uscc": "统一社会信用代码",
    "lead_kind": "线索类别", "reported_on": "报告日期", "workers_affected": "涉及劳动者人数", "lead_state": "线索状态",
    "decided_on": "处理日期", "decision_note": "处理说明", "visited_on": "走访日期", "findings": "走访情况",
    "problems_found": "发现问题", "lead": "据此报告的线索", "rows": "行数",
}
VALUES = {"grid_post": dict(GridStaffPost.choices), "lead_kind": dict(LeadKind.choices),
          "lead_state": dict(LeadState.choices)}
