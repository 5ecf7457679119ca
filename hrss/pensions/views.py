"""The area's home page (社会保险) and its statistics per region with drill-down: what each part offers the user and
the figures each part declares (core/parts.py: HubLink, Figure)."""

from django.shortcuts import render
from django.utils import timezone

from hrss.core import scoping
from hrss.core.models import Region
from hrss.core.parts import hub_links
from hrss.core.permissions import staff_view
from hrss.pensions.area import PARTS
from hrss.pensions.permissions import PENSIONS_VIEW


@staff_view(PENSIONS_VIEW)
def home(request):
    return render(request, "pensions/home.html", {"links": hub_links(PARTS, request.user)})


def figure_groups():
    """[(the part's name, its figures in order)] for the parts that have figures."""
    return [(part.name or part.label, sorted(part.figures, key=lambda figure: figure.order))
            for part in PARTS if part.figures]


@staff_view(PENSIONS_VIEW)
def statistics(request):
    """社会保险统计: each part's figures for a region (the user's own by default) and for each of its children, a
    child's name opening its own figures (city → county → township → village), a figure opening the cases behind
    it."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    children = list(scoping.visible_to(request.user, Region.objects.filter(parent=region, is_active=True))
                    .order_by("code"))
    # One table a part (a phone shows a few columns at a time, not twenty), the region's total in its foot.
    groups = []
    for name, shown in figure_groups():
        rows = [{"region": place, "cells": [(figure, figure.count(request.user, place, today)) for figure in shown]}
                for place in [region, *children]]
        total, rows = rows[0], rows[1:]
        # What the region holds itself (a township's own post, a county's campaign): the total less its children's,
        # so the rows add up to the total.
        own = [count - sum(row["cells"][index][1] for row in rows) for index, (_, count) in enumerate(total["cells"])]
        groups.append({"name": name, "figures": shown, "total": total, "rows": rows,
                       "own": [(figure, count) for figure, count in zip(shown, own, strict=True)] if any(own) else None})
    return render(request, "pensions/statistics.html", {
        "region": region, "groups": groups, "today": today, "crumbs": scoping.breadcrumb(request.user, region)})
