"""The area's home page (就业援助) and its statistics per region with drill-down: what each part offers the user and
the figures each part declares (core/parts.py: HubLink, Figure, statistics)."""

from django.shortcuts import render

from hrss.assistance.area import PARTS
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.core import parts
from hrss.core.permissions import staff_view


@staff_view(ASSISTANCE_VIEW)
def home(request):
    return render(request, "assistance/home.html", {"links": parts.hub_links(PARTS, request.user)})


@staff_view(ASSISTANCE_VIEW)
def statistics(request):
    """就业援助统计 (core.parts.statistics)."""
    return parts.statistics(request, PARTS, area_name="就业援助", home="assistance:home", testid="assistance-statistics")
