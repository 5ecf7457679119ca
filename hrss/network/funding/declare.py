"""What the funding part (建设资金) brings to the area (core/parts.py): hub links, the figures of the statistics
page, audit names and the demo."""

from hrss.core.parts import COUNTY_AND_ABOVE, Figure, HubLink, Part
from hrss.network.funding import audit_names, demo, figures
from hrss.network.permissions import FUNDS, NETWORK_VIEW

PART = Part(
    label="funding",
    name="建设资金",
    links=(
        HubLink("建设资金", "network:funding-region", NETWORK_VIEW,
                "省补助、县配套（不低于省补助的30%）、市以奖代补的下达、拨付与余额；各县(区)总览，导出 .xlsx", order=40),
        HubLink("登记资金下达", "network:funding-allocation-new", FUNDS, order=41, levels=COUNTY_AND_ABOVE),
        HubLink("登记资金拨付", "network:funding-disbursement-new", FUNDS, order=42, levels=COUNTY_AND_ABOVE),
        HubLink("实施方案备案", "network:funding-plans", NETWORK_VIEW, "县(区)报送实施方案，市级备案或退回", order=43,
                levels=COUNTY_AND_ABOVE),
    ),
    figures=(
        Figure("省补助下达（元）", figures.province_allocated, "network:funding-region", {}, order=40),
        Figure("县配套下达（元）", figures.county_allocated, "network:funding-region", {}, order=41),
        Figure("市以奖代补（元）", figures.city_allocated, "network:funding-region", {}, order=42),
        Figure("已拨付（元）", figures.disbursed, "network:funding-region", {}, order=43),
        Figure("资金余额（元）", figures.balance, "network:funding-region", {}, order=44),
        Figure("有建设资金的服务机构", figures.offices_funded, "network:funding-region", {}, order=45),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)
