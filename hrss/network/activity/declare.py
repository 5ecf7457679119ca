"""What the activity part (应用与联网) brings to the area (core/parts.py): its hub link, its figures on the
statistics page and its audit names."""

from hrss.core.parts import Figure, HubLink, Part
from hrss.network.activity import audit_names, figures
from hrss.network.permissions import NETWORK_VIEW

PART = Part(
    label="activity",
    name="应用与联网",
    links=(HubLink("应用与联网", "network:activity", NETWORK_VIEW,
                   "各服务机构在平台上的最近操作、每月操作次数和办理对象数，规定天数内无操作的服务机构，导出 .xlsx",
                   order=80),),
    figures=(
        Figure("服务机构", figures.offices, "network:activity", {}, "辖区内乡镇（街道）服务所和村（社区）服务站", order=80),
        Figure("规定天数内无操作的服务机构", figures.inactive, "network:activity", {},
               "规定天数内（见应用与联网页）平台上没有任何操作的服务机构", order=81),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
)
