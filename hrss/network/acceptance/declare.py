"""What the acceptance part (检查、整改与验收) brings to the area (core/parts.py): the acceptance chain (county → city),
hub links, figures, pending work of the offices, the county and the city, audit names and the demo."""

from hrss.core.parts import COUNTY_AND_ABOVE, Figure, HubLink, Part
from hrss.network.acceptance import audit_names, demo, figures, pending
from hrss.network.acceptance.chains import ACCEPTANCE
from hrss.network.permissions import INSPECT, NETWORK_VIEW

PART = Part(
    label="acceptance",
    name="检查、整改与验收",
    chains=(ACCEPTANCE,),
    pending=(pending.office_work, pending.inspector_work, pending.city_work),
    links=(
        HubLink("服务机构检查", "network:acceptance-inspections", NETWORK_VIEW,
                "县(区)、市对照建设标准逐项检查服务所、服务站，不符合的列入整改", order=30),
        HubLink("整改事项", "network:acceptance-rectifications", NETWORK_VIEW,
                "检查发现的问题、整改期限、整改照片和县(区)确认；逾期未整改的", order=31),
        HubLink("服务机构验收", "network:acceptance-list", NETWORK_VIEW,
                "县(区)申请验收，市验收通过或不通过", order=32),
        HubLink("建设进度节点", "network:acceptance-milestones", INSPECT,
                "中心镇2011年底前、全部服务机构2012年9月底前建成验收的进度", order=33, levels=COUNTY_AND_ABOVE),
        HubLink("建设进展通报", "network:acceptance-bulletin", INSPECT,
                "每月各县(区)达标、验收、整改与节点进度排名，打印 PDF、导出 .xlsx", order=34,
                levels=COUNTY_AND_ABOVE),
    ),
    figures=(
        Figure("服务机构检查（次）", figures.inspections, "network:acceptance-inspections", {},
               "县(区)、市对服务所、服务站的检查次数", order=30),
        Figure("未整改的问题", figures.items_open, "network:acceptance-rectifications", {"state": "open"},
               "检查发现、尚未登记整改完成的问题数", order=31),
        Figure("逾期未整改的问题", figures.items_overdue, "network:acceptance-rectifications", {"overdue": "1"},
               "已过整改期限仍未整改的问题数", order=32),
        Figure("待市验收的服务机构", figures.requested, "network:acceptance-list", {"state": "requested"},
               "县(区)已申请、市尚未验收的服务机构数", order=33),
        Figure("已通过验收的服务机构", figures.accepted, "network:acceptance-list", {"state": "accepted"},
               "通过市验收的服务所、服务站数", order=34),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)
