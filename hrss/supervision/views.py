"""The area's home page (信访监察) and its statistics per region with drill-down: what each part offers the user and
the figures each part declares (core/parts.py: HubLink, Figure, statistics)."""

from django.shortcuts import render

from hrss.core import parts
from hrss.core.permissions import staff_view
from hrss.supervision.area import PARTS
from hrss.supervision.permissions import SUPERVISION_VIEW


@staff_view(SUPERVISION_VIEW)
def home(request):
    return render(request, "supervision/home.html", {"groups": parts.hub_groups(PARTS, request.user)})


@staff_view(SUPERVISION_VIEW)
def statistics(request):
    """信访监察统计 (core.parts.statistics)."""
    return parts.statistics(request, PARTS, area_name="信访监察与服务监督", home="supervision:home",
                            testid="supervision-statistics")
