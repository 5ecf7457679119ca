"""The area's home page (社会保险) and its statistics per region with drill-down: what each part offers the user and
the figures each part declares (core/parts.py: HubLink, Figure, home, statistics)."""

from hrss.core import parts
from hrss.core.permissions import staff_view
from hrss.pensions.area import PARTS
from hrss.pensions.permissions import PENSIONS_VIEW


@staff_view(PENSIONS_VIEW)
def home(request):
    return parts.home(request, PARTS, title="社会保险", area_name="社会保险服务", intro=(
        "城乡居民养老保险参保登记、缴费与个人账户、待遇核定与发放、领取待遇资格认证、退休人员社会化管理和社会保障卡都从这里进入。"),
        statistics="pensions:statistics", statistics_label="社会保险统计", testid="pensions")


@staff_view(PENSIONS_VIEW)
def statistics(request):
    """社会保险统计 (core.parts.statistics)."""
    return parts.statistics(request, PARTS, area_name="社会保险", home="pensions:home", testid="pensions-statistics")
