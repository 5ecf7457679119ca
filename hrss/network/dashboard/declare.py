"""What the dashboard part (平台总览) brings to the area (core/parts.py): its hub link and its audit names. Its
figures are the other parts' (they are on the statistics page already)."""

from hrss.core.parts import HubLink, Part
from hrss.network.dashboard import audit_names
from hrss.network.permissions import NETWORK_VIEW

PART = Part(
    label="dashboard",
    name="平台总览",
    links=(HubLink("平台总览", "network:dashboard", NETWORK_VIEW,
                   "地图和图表：各县（区）、乡镇（街道）服务机构的八统一达标、验收进度、五个100%、月报完整率与及时率、"
                   "应用与联网，逐月趋势，每个图表附表格，可逐级查看和导出 .xlsx", order=5),),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
)
