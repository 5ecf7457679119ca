"""What the loans part brings to the area (hrss/core/parts.py): the application's review chain, hub links,
the person page's panel, pending work, audit names and the demo."""

from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.jobservices.loans import audit_names, demo, figures, panels, pending
from hrss.jobservices.loans.catalogue import SERVICES
from hrss.jobservices.loans.chains import LOAN_APPLICATION
from hrss.jobservices.permissions import LOAN_VIEW
from hrss.residents.permissions import RESIDENT_VIEW

PART = Part(
    label="loans",
    name="创业担保贷款",
    chains=(LOAN_APPLICATION,),
    pending=(pending.review_work, pending.overdue_instalments),
    panels=(Panel("person", "jobservices/loans/_person_panel.html", panels.person_loans, order=60),),
    links=(
        HubLink("创业担保贷款申请", "jobservices:loans-applications", LOAN_VIEW,
                "受理、审核（乡镇、县、担保机构、经办银行）与待办", order=60),
        HubLink("创业担保贷款台账", "jobservices:loans-ledger", LOAN_VIEW, "贷款、还款计划、逾期与贴息；导出 .xlsx", order=61),
        HubLink("有创业意愿的人员", "jobservices:loans-wants-business", RESIDENT_VIEW, "来自人员台账，按村(社区)列出",
                order=62),
        HubLink("信用社区", "jobservices:loans-credit-communities", LOAN_VIEW, "评定与撤销；信用社区居民可免反担保",
                order=63),
    ),
    figures=(
        Figure("发放的贷款", figures.loans, "jobservices:loans-ledger", {}, "创业担保贷款（笔，累计）", order=80),
        Figure("有逾期还款的贷款", figures.with_overdue, "jobservices:loans-ledger", {"overdue": "1"},
               "有到期未还的还款期（笔）", order=81),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    services=SERVICES,
)
