"""What the flexible part (灵活就业) brings to the area (core/parts.py): the subsidy's review chain, hub links, the
statistics page's figures, the person page's panel, pending work, audit names and the demo."""

from hrss.assistance.flexible import audit_names, demo, panels, pending, selectors, services
from hrss.assistance.flexible.catalogue import SERVICES
from hrss.assistance.flexible.chains import FLEXIBLE_SUBSIDY
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.assistance.recognition.services import after_exit
from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.residents.services import after_person_moved

PART = Part(
    label="flexible",
    name="灵活就业",
    chains=(FLEXIBLE_SUBSIDY,),
    pending=(pending.review_work, pending.verification_due),
    panels=(Panel("person", "assistance/flexible/_person_panel.html", panels.person_flexible, order=75),),
    links=(
        HubLink("灵活就业台账", "assistance:flexible-ledger", ASSISTANCE_VIEW,
                "灵活就业人员登记、村(社区)核实、终止；筛选并导出 .xlsx", order=50),
        HubLink("灵活就业社保补贴", "assistance:flexible-subsidies", ASSISTANCE_VIEW,
                "就业困难人员灵活就业的社保补贴：受理、审核、审批与待办", order=51),
        HubLink("社保补贴季度名册", "assistance:flexible-roll", ASSISTANCE_VIEW, "每季度的缴费与补贴；导出 .xlsx",
                order=52),
    ),
    figures=(
        Figure("灵活就业登记人数（有效）", selectors.count_active, "assistance:flexible-ledger", {"state": "active"},
               "今天有效的灵活就业登记", order=50),
        Figure("享受灵活就业社保补贴人数", selectors.count_receiving, "assistance:flexible-subsidies",
               {"state": "approved"}, "已批准、在补贴期内且未停止的人数", order=51),
        Figure("本季度灵活就业社保补贴金额（元）", selectors.amount_this_quarter, "assistance:flexible-roll", {},
               "本季度已录入的补贴金额合计", order=52),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    services=SERVICES,
)

after_exit(services.stop_on_exit)  # a running subsidy stops when its recognition exits
after_person_moved(services.follow_person)  # an active registration and its standing subsidy move with the person
