"""An area built in parts (ADR 0010: jobservices, assistance): each part a package of the area with the same
modules: `declare.py` (PART: what it brings to the area: chains, pending work, panels, hub links, figures, audit
names, demo), `services.py`, `views.py` (`urlpatterns`), `api.py` (`router`), `sweep.py` (`ROWS`). The area's
area.py, urls.py and sweep.py put the parts together (`merged`, `merge_sweeps`, `hub_links`, `demo_of`), so a part
is added without editing another's files. Core names no area here."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from hrss.core.areas import Area, SweepRows
from hrss.core.models import Level

COUNTY_AND_ABOVE = (Level.PROVINCE, Level.CITY, Level.COUNTY)  # HubLink.levels of a county's or the city's own work


@dataclass(frozen=True)
class HubLink:
    """A link on the area's home page (就业服务): what a user of `permission` can open there, at the region levels
    `levels` (core.models.Level values; empty: every level), e.g. a county's batch work not shown to a village."""

    label: str
    url_name: str
    permission: object
    description: str = ""
    order: int = 100
    levels: tuple = ()


@dataclass(frozen=True)
class Figure:
    """One line of an area's statistics page, per region: `count(user, region, today)` -> int (the figure for the
    region, within the user's scope; or a number type with a Decimal `.value`, as an amount), and the page that lists
    its cases (`url_name`, given ?region=CODE), if any."""

    label: str
    count: Callable
    url_name: str = ""
    query: Mapping = field(default_factory=dict)  # more of the drill-down page's query (e.g. {"state": "open"})
    description: str = ""
    order: int = 100


@dataclass(frozen=True)
class Part:
    label: str
    name: str = ""  # in Chinese: the heading of the part's figures on the area's statistics page
    chains: Sequence = ()
    pending: Sequence = ()
    panels: Sequence = ()
    links: Sequence[HubLink] = ()
    figures: Sequence[Figure] = ()
    audit_actions: Mapping = field(default_factory=dict)
    audit_fields: Mapping = field(default_factory=dict)
    audit_values: Mapping = field(default_factory=dict)
    demo: Callable | None = None  # demo(stdout, options) -> lines to print last, or None
    services: Sequence = ()  # the services the part offers the public (core.catalogue.Service)
    measures: Sequence = ()  # how the part's data measure the platform's targets (core.targets.Measure)


def _usable(link, user, level):
    from hrss.core.permissions import has_permission

    return has_permission(user, link.permission) and (not link.levels or level in link.levels)


def _level_of(user):
    from hrss.core import scoping

    scope = scoping.scope_of(user)
    return None if scope.is_empty else scope.region.level


def hub_links(parts, user):
    """The links of the area's home page `user` may open at the level of the user's region, in their order."""
    level = _level_of(user)
    return sorted((link for part in parts for link in part.links if _usable(link, user, level)),
                  key=lambda link: link.order)


def hub_groups(parts, user):
    """[(the part's name, its links `user` may open, in order)] for the parts with such links: the area's home page
    one heading a part."""
    level = _level_of(user)
    groups = []
    for part in parts:
        links = sorted((link for link in part.links if _usable(link, user, level)), key=lambda link: link.order)
        if links:
            groups.append((part.name or part.label, links))
    return groups


def area_of(parts, *, label, name, order, permissions, menu, demo_order):
    """The area (core.areas.Area, for areas.register) put together from its parts' declarations: their chains,
    pending work, panels, audit names, demo data and services (core.catalogue), in the parts' order. `permissions` is
    the area's permissions module (PERMISSIONS, GRANTS, ROLES); `menu` its MenuEntry tuple."""
    return Area(
        label=label,
        name=name,
        order=order,
        permissions=permissions.PERMISSIONS,
        grants=permissions.GRANTS,
        roles=permissions.ROLES,
        chains=tuple(chain for part in parts for chain in part.chains),
        pending=tuple(provider for part in parts for provider in part.pending),
        menu=tuple(menu),
        panels=tuple(panel for part in parts for panel in part.panels),
        audit_actions=merged(part.audit_actions for part in parts),
        audit_fields=merged(part.audit_fields for part in parts),
        audit_values={key: names for part in parts for key, names in part.audit_values.items()},
        demo=demo_of(parts),
        demo_order=demo_order,
        services=tuple(service for part in parts for service in part.services),
        measures=tuple(measure for part in parts for measure in part.measures),
        figures=tuple((part.name or part.label, figure) for part in parts
                      for figure in sorted(part.figures, key=lambda figure: figure.order)),
    )


def demo_of(parts):
    """hrss demo for an area in parts: each part's demo data, in order; the lines they return are printed last."""

    def demo(stdout, options):
        lines = []
        for part in parts:
            if part.demo is not None:
                lines.extend(part.demo(stdout, options) or [])
        return lines or None

    return demo


def figure_groups(parts):
    """[(the part's name, its figures in order)] for the parts that have figures."""
    return [(part.name or part.label, sorted(part.figures, key=lambda figure: figure.order))
            for part in parts if part.figures]


def home(request, parts, *, title, area_name, intro, statistics, statistics_label, testid,
         template="core/part_home.html", **context):
    """An area's home page in parts: its name (`title` in the browser's tab, `area_name` as the heading), `intro`,
    a link to its statistics page (`statistics`, a url name, as `statistics_label`), then one heading a part with the
    links the user may open (hub_groups). The page's testids are `<testid>-links` and `<testid>-part`."""
    from django.shortcuts import render

    return render(request, template, {
        "groups": hub_groups(parts, request.user), "title": title, "area_name": area_name, "intro": intro,
        "statistics": statistics, "statistics_label": statistics_label, "testid": testid, **context})


def statistics(request, parts, *, area_name, home, testid, template="core/part_statistics.html", **context):
    """An area's statistics page (templates include core/_part_figures.html): each part's figures for a region (the
    user's own by default) and for each of its children, a child's name opening its own figures (city → county →
    township → village), a figure opening the cases behind it. One table a part (a phone shows a few columns at a
    time, not twenty), the region's total in its foot, and the region's own records (a township's own post, a
    county's campaign) as a row of their own: the total less its children's, so the rows add up to the total."""
    from django.shortcuts import render
    from django.utils import timezone

    from hrss.core import scoping
    from hrss.core.models import Region

    region = scoping.region_from_request(request)
    today = timezone.localdate()
    children = list(scoping.visible_to(request.user, Region.objects.filter(parent=region, is_active=True))
                    .order_by("code"))
    groups = []
    for name, shown in figure_groups(parts):
        rows = [{"region": place, "cells": [(figure, figure.count(request.user, place, today)) for figure in shown]}
                for place in [region, *children]]
        total, rows = rows[0], rows[1:]
        own = [count - sum(row["cells"][index][1] for row in rows) for index, (_, count) in enumerate(total["cells"])]
        groups.append({"name": name, "figures": shown, "total": total, "rows": rows,
                       "own": [(figure, count) for figure, count in zip(shown, own, strict=True)] if any(own) else None})
    if request.GET.get("format") == "xlsx":
        return _statistics_download(request, groups, region, today, area_name)
    return render(request, template, {
        "region": region, "groups": groups, "today": today, "crumbs": scoping.breadcrumb(request.user, region),
        "area_name": area_name, "home": home, "testid": testid, **context})


def _cell(count):
    """A figure as a spreadsheet number: an int as it is, an area's own number (an amount of yuan, with its Decimal
    `.value`) as yuan, a number shown 12,800.00; anything else as the page prints it."""
    from decimal import Decimal

    if isinstance(count, int | float):
        return count
    value = getattr(count, "value", count)
    return value if isinstance(value, Decimal) else str(count)  # a Decimal is written as yuan: 12,800.00


def _statistics_download(request, groups, region, today, area_name):
    """The statistics page as .xlsx for a meeting: a sheet a part under a title naming the region and the day, the
    children's rows, the region's own records and the total as on the page. Audited as every download is."""
    from hrss.core.pages import xlsx_download

    title = f"{area_name}统计（{region.name}，截至{today:%Y年%m月%d日}）"
    sheets, names = [], set()
    for group in groups:
        name = "".join("-" if character in "[]:*?/\\" else character for character in group["name"])[:31]
        while name in names:
            name = f"{name[:28]}（{len(names)}）"
        names.add(name)
        rows = [[row["region"].name, *(_cell(count) for _, count in row["cells"])] for row in group["rows"]]
        if group["own"]:
            rows.append([f"{region.name}（本级）", *(_cell(count) for _, count in group["own"])])
        rows.append(["合计", *(_cell(count) for _, count in group["total"]["cells"])])
        sheets.append((name, [title], [["区域", *(figure.label for figure in group["figures"])], *rows]))
    return xlsx_download(request, sheets or [("统计", [title], [["暂无统计项"]])],
                         f"{area_name}统计-{region.name}-{today:%Y%m%d}.xlsx", action="core.statistics.exported",
                         target=region, after={"area": area_name})


def merged(mappings):
    out = {}
    for mapping in mappings:
        for key, value in mapping.items():
            if key in out and out[key] != value:
                raise ValueError(f"two parts name {key!r} differently")
            out[key] = value
    return out


def merge_sweeps(rows):
    """One SweepRows of the parts' rows: objects made part after part (a later part sees the earlier parts'
    objects among the personas), states and writes put together. A route named twice is an error."""
    rows = list(rows)

    def objects(personas):
        made, seen = {}, dict(personas)
        for row in rows:
            if row.objects is not None:
                got = row.objects(seen) or {}
                made.update(got)
                seen.update(got)
        return made

    def state():
        out = []
        for row in rows:
            if row.state is not None:
                out.extend(row.state())
        return out

    def table(name):
        out = {}
        for row in rows:
            for key, value in getattr(row, name).items():
                if key in out:
                    raise ValueError(f"sweep row {key!r} is declared by two parts")
                out[key] = value
        return out

    return SweepRows(
        list_routes=table("list_routes"), region_param_routes=table("region_param_routes"),
        object_routes=table("object_routes"), create_routes=table("create_routes"), api_reads=table("api_reads"),
        api_writes=table("api_writes"), api_unscoped_reads=table("api_unscoped_reads"), objects=objects, state=state,
        writes=[write for row in rows for write in row.writes],
        services=[module for row in rows for module in row.services],
        not_swept=merged(row.not_swept for row in rows),
    )
