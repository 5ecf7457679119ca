"""What the reports part (月报) brings to the area (core/parts.py): its hub links, pending work, figures on the
statistics page, audit names and demo data."""

from hrss.core.parts import COUNTY_AND_ABOVE, Figure, HubLink, Part
from hrss.network.permissions import NETWORK_VIEW, REPORT_APPROVE
from hrss.network.reports import audit_names, demo, figures, pending

PART = Part(
    label="reports",
    name="月报",
    links=(
        HubLink("月报", "network:reports-list", NETWORK_VIEW,
                "乡镇(街道)每月生成、核对、上报月报（各业务领域的统计数），县(区)审核锁定、退回或解锁", order=60),
        HubLink("县(区)月报审核", "network:reports-county", REPORT_APPROVE,
                "本县(区)各乡镇(街道)某月月报的状态，审核锁定、退回、解锁", order=61, levels=COUNTY_AND_ABOVE),
        HubLink("月报完整率与及时率", "network:reports-completeness", NETWORK_VIEW,
                "各县(区)、乡镇(街道)月报应报、已报、按时上报，完整率、及时率，逾期和未报名单", order=62),
    ),
    pending=(pending.township_due, pending.county_to_approve),
    figures=(
        Figure("上月月报已上报", figures.submitted, "network:reports-completeness", {},
               "辖区各乡镇(街道)上月月报已上报（含已审核锁定）的份数", order=60),
        Figure("上月月报按时上报", figures.on_time, "network:reports-completeness", {},
               "其中在上报截止日前首次上报的份数（截止日见月报完整率与及时率页）", order=61),
        Figure("上月月报未上报", figures.not_submitted, "network:reports-completeness", {},
               "应报而尚未上报（或已退回、已解锁待重报）的份数", order=62),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)
