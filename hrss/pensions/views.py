"""The area's home page (社会保险) and its statistics per region with drill-down: what each part offers the user and
the figures each part declares (core/parts.py: HubLink, Figure, statistics)."""

from django.shortcuts import render

from hrss.core import parts
from hrss.core.permissions import staff_view
from hrss.pensions.area import PARTS
from hrss.pensions.permissions import PENSIONS_VIEW


@staff_view(PENSIONS_VIEW)
def home(request):
    return render(request, "pensions/home.html", {"groups": parts.hub_groups(PARTS, request.user)})


@staff_view(PENSIONS_VIEW)
def statistics(request):
    """社会保险统计 (core.parts.statistics)."""
    return parts.statistics(request, PARTS, area_name="社会保险", home="pensions:home", testid="pensions-statistics")
