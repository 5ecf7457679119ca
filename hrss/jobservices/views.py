"""The area's home page (就业服务) and its statistics per region with drill-down: what each part offers the user
and the figures each part declares (core/parts.py: HubLink, Figure, statistics)."""

from django.shortcuts import render

from hrss.core import parts
from hrss.core.permissions import staff_view
from hrss.jobservices.area import PARTS
from hrss.jobservices.permissions import JOBSERVICES_VIEW


@staff_view(JOBSERVICES_VIEW)
def home(request):
    return render(request, "jobservices/home.html", {"links": parts.hub_links(PARTS, request.user)})


@staff_view(JOBSERVICES_VIEW)
def statistics(request):
    """就业服务统计 (core.parts.statistics)."""
    return parts.statistics(request, PARTS, area_name="就业服务", home="jobservices:home", testid="jobservices-statistics")
