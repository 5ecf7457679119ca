"""What the offices part (服务机构) brings to the area (core/parts.py): hub links, figures, audit names, the demo."""

from hrss.core.parts import Figure, HubLink, Part
from hrss.network.offices import audit_names, demo, figures
from hrss.network.permissions import NETWORK_VIEW

PART = Part(
    label="offices",
    name="服务机构",
    links=(
        HubLink("服务机构达标情况", "network:offices-list", NETWORK_VIEW,
                "各乡镇(街道)服务所、村(社区)服务站的人员、场所、窗口、设备、标识与联网，逐项对照八统一标准", order=10),
    ),
    figures=(
        Figure("已登记的服务所(站)", figures.offices_recorded, "network:offices-list", {},
               "已建立档案的乡镇(街道)服务所和村(社区)服务站", order=10),
        Figure("全部达标的服务所(站)", figures.offices_all_ok, "network:offices-list", {},
               "现行八统一标准逐项达标、没有未登记项的机构", order=11),
        Figure("有未达标项的服务所(站)", figures.offices_failing, "network:offices-list", {},
               "至少一项标准未达标的机构", order=12),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
)
