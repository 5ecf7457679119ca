"""What the inspection part (劳动保障监察) brings to the area (core/parts.py): hub links, the 欠薪 figures of the
statistics page, the inspectors' and the approver's pending work, audit names and the demo (with the inspector's
login)."""

from hrss.core import workdays
from hrss.core.parts import Figure, HubLink, Part
from hrss.supervision.inspection import audit_names, catalogue, demo, figures, pending, services
from hrss.supervision.permissions import INSPECTION_APPROVE, INSPECTION_HANDLE, INSPECTION_VIEW

PART = Part(
    label="inspection",
    name="劳动保障监察",
    pending=(pending.inspector_work, pending.approver_work),
    links=(
        HubLink("监察案件台账", "supervision:inspection-ledger", INSPECTION_VIEW,
                "投诉、信访转办、网格线索形成的劳动保障监察案件，受理与结案期限；导出 .xlsx", order=20),
        HubLink("登记监察投诉", "supervision:inspection-new", INSPECTION_HANDLE,
                "来访来电投诉、日常巡查发现的问题登记为监察案件", order=21),
        HubLink("待批准的延期", "supervision:inspection-extensions", INSPECTION_APPROVE,
                "监察员申请延长办案期限（30个工作日），由负责人批准", order=22),
    ),
    figures=(
        Figure("本年收到监察案件", figures.received, "supervision:inspection-ledger", {"received": "this_year"},
               "本年收到的投诉、信访转办、网格线索和巡查案件数", order=20),
        Figure("未办结案件", figures.open_cases, "supervision:inspection-ledger", {"state": "unfinished"},
               "待受理、待立案和调查中的案件数", order=21),
        Figure("逾期案件", figures.overdue, "supervision:inspection-ledger", {"overdue": "1"},
               "超过受理期限未决定或超过结案期限未结案的案件数", order=22),
        Figure("工资未全部追回的劳动者（人次）", figures.workers_owed, "supervision:inspection-ledger", {"owed": "1"},
               "各案件登记的劳动者中，拖欠工资尚未全部追回的人次：不论案件哪年收到、是否已结案（结案时仍未追回的也算），"
               "不含不予受理的案件；同一人在两个案件中算两人次", order=23),
        Figure("本年收到案件的拖欠工资（元）", figures.amount_owed, "supervision:inspection-ledger",
               {"received": "this_year"}, "本年收到的案件登记的拖欠工资合计（不论是否结案）", order=24),
        Figure("本年收到案件的追回工资（元）", figures.amount_recovered, "supervision:inspection-ledger",
               {"received": "this_year"}, "本年收到的案件已为劳动者追回的工资合计（不论是否结案）", order=25),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    services=catalogue.SERVICES,
)

workdays.after_arrangement_loaded(services.fill_missing_due_dates)  # deadlines waiting for a year's holidays
