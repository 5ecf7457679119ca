"""The area's home page (信访监察) and its statistics per region with drill-down: what each part offers the user and
the figures each part declares (core/parts.py: HubLink, Figure, home, statistics)."""

from hrss.core import parts
from hrss.core.permissions import staff_view
from hrss.supervision.area import PARTS
from hrss.supervision.permissions import SUPERVISION_VIEW


@staff_view(SUPERVISION_VIEW)
def home(request):
    return parts.home(request, PARTS, title="信访监察", area_name="信访监察与服务监督", intro=(
        "信访登记与办理、劳动保障监察案件、网格化管理、政策宣传、一次性告知与服务承诺、好差评与意见箱、考核都从这里进入。"),
        statistics="supervision:statistics", statistics_label="信访监察统计", testid="supervision")


@staff_view(SUPERVISION_VIEW)
def statistics(request):
    """信访监察统计 (core.parts.statistics)."""
    return parts.statistics(request, PARTS, area_name="信访监察", home="supervision:home",
                            testid="supervision-statistics")
