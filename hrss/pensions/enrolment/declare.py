"""What the enrolment part (参保登记) brings to the area (core/parts.py): hub links, the statistics' figures (KPI 2
among them), the person page's panel, pending work, audit names, the demo, and the hook that makes a standing
enrolment follow its person's move within the city."""

from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.pensions.enrolment import audit_names, demo, figures, measures, panels, pending
from hrss.pensions.enrolment.catalogue import SERVICES
from hrss.pensions.enrolment.moves import follow_person
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.services import after_person_moved

LEDGER = "pensions:enrolment-ledger"
KPI = "pensions:enrolment-kpi"

PART = Part(
    label="enrolment",
    name="参保登记",
    pending=(pending.pending_documents,),
    panels=(Panel("person", "pensions/enrolment/_person_panel.html", panels.person_enrolment, order=50),),
    links=(
        HubLink("参保登记", "pensions:enrolment-find", PENSIONS_HANDLE,
                "按公民身份号码找到人员，核验材料、选择缴费档次；材料齐全当天办结", order=10),
        HubLink("参保台账", LEDGER, PENSIONS_VIEW, "按区域、状态、险种查看参保登记；导出 .xlsx", order=11),
        HubLink("参保当天办结率", KPI, PENSIONS_VIEW, "“五个100%”之二：材料齐全的当天办结，按区域、月份逐级查看", order=12),
    ),
    figures=(
        Figure("参保缴费", figures.active, LEDGER, {"state": "active"}, "参保缴费中的人数", order=10),
        Figure("待补齐材料", figures.pending, LEDGER, {"state": "pending"}, "已受理、材料不全的参保登记", order=11),
        Figure("本月材料齐全", figures.complete_this_month, KPI, {}, "本月材料齐全的参保登记", order=12),
        Figure("本月当天办结", figures.same_day_this_month, KPI, {}, "本月材料齐全且当天办结的参保登记", order=13),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    measures=(measures.SAME_DAY_ENROLMENT,),
    services=SERVICES,
)

after_person_moved(follow_person)  # a standing enrolment moves with its person within the city (moves.py)
