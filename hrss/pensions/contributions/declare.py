"""What the contributions part (缴费与个人账户) brings to the area (core/parts.py): hub links, the figures of the
statistics page, the person page's panel, pending work, audit names and the demo."""

from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.pensions.contributions import audit_names, demo, figures, panels, pending
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW

PART = Part(
    label="contributions",
    name="缴费与个人账户",
    pending=(pending.unresolved_unmatched,),
    panels=(Panel("person", "pensions/contributions/_person_panel.html", panels.person_account, order=52),),
    links=(
        HubLink("缴费台账", "pensions:contributions-ledger", PENSIONS_VIEW,
                "参保人各年度的缴费、政府补贴和个人账户余额；导出 .xlsx", order=30),
        HubLink("缴费文件导入", "pensions:contributions-imports", PENSIONS_VIEW,
                "导入银行代扣、税务征收的缴费文件，按身份号码和姓名匹配入账", order=31),
        HubLink("上传缴费文件", "pensions:contributions-import-new", PENSIONS_HANDLE, "上传 .xlsx 或 .csv", order=32),
        HubLink("未匹配缴费", "pensions:contributions-unmatched", PENSIONS_VIEW, "未能入账的缴费行，核对后处理",
                order=33),
    ),
    figures=(
        Figure("本年已缴费人数", figures.paid_this_year, "pensions:contributions-ledger", {"paid": "yes"},
               "本年度已有个人缴费或补缴的参保人数", order=30),
        Figure("本年未缴费的参保人", figures.not_paid_this_year, "pensions:contributions-ledger", {"paid": "no"},
               "参保缴费中、本年度尚无缴费的人数", order=31),
        Figure("未匹配缴费行", figures.unmatched, "pensions:contributions-unmatched", {},
               "缴费文件中未能入账、尚未处理的行数", order=32),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)
