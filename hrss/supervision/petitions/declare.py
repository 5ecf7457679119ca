"""What the petitions part (信访) brings to the area (core/parts.py): hub links, the figures of the statistics page,
pending work, audit names and the demo; and the hook that settles the provisional due dates once a year's holiday
arrangement is loaded (core.workdays.after_arrangement_loaded)."""

from hrss.core import workdays
from hrss.core.parts import Figure, HubLink, Part
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.petitions import audit_names, catalogue, demo, figures, pending, services

PART = Part(
    label="petitions",
    name="信访",
    pending=(pending.due_petitions,),
    links=(
        HubLink("信访台账", "supervision:petitions-ledger", SUPERVISION_VIEW,
                "来信来访登记、受理、转送、办结答复、复查复核；按状态、类别、超期筛选，导出 .xlsx", order=10),
        HubLink("登记信访事项", "supervision:petitions-new", SUPERVISION_HANDLE,
                "来访、来信、来电、网上信访（欠薪投诉也在这里登记），首问负责", order=11),
    ),
    figures=(
        Figure("本年收到信访件", figures.received, "supervision:petitions-ledger", {"period": "year"},
               "本年收到的信访件数（按首次接待的机关统计，上报、复查、复核后不变）", order=10),
        Figure("未办结信访件", figures.open_now, "supervision:petitions-ledger", {"state": "open"},
               "待受理、办理中、已转送、复查或复核中的信访件", order=11),
        Figure("超期信访件", figures.overdue, "supervision:petitions-ledger", {"overdue": "1"},
               "受理、办理、复查或复核期限已过仍未办理的", order=12),
        Figure("本年欠薪信访件", figures.wages, "supervision:petitions-ledger", {"category": "wages", "period": "year"},
               "本年收到的欠薪类信访件（按首次接待的机关统计）", order=13),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    services=catalogue.SERVICES,
)

workdays.after_arrangement_loaded(services.recompute_provisional_dues)  # due dates waiting for a year's holidays
