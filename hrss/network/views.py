"""The area's home page (平台建设) and its statistics per region with drill-down (core/parts.py)."""

from hrss.core import parts
from hrss.core.permissions import staff_view
from hrss.network.area import PARTS
from hrss.network.permissions import NETWORK_VIEW


@staff_view(NETWORK_VIEW)
def home(request):
    return parts.home(request, PARTS, title="平台建设", area_name="平台建设与考核", intro=(
        "服务机构的八统一达标情况、检查整改与验收、建设资金、五个100%目标、月报与平台总览都从这里进入。"),
        statistics="network:statistics", statistics_label="平台建设统计", testid="network")


@staff_view(NETWORK_VIEW)
def statistics(request):
    """平台建设统计 (core.parts.statistics)."""
    return parts.statistics(request, PARTS, area_name="平台建设与考核", home="network:home",
                            testid="network-statistics")
