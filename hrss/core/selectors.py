"""Reads on the hierarchy, always starting from the user's scope."""

from collections import Counter

from django.contrib.auth import get_user_model

from hrss.core import scoping
from hrss.core.models import Level, Region


def child_offices(user, region):
    """The service offices directly below `region` with their counts: villages below each, and staff."""
    children = list(scoping.regions_visible_to(user).filter(parent=region).order_by("code"))
    if not children:
        return []
    child_level = children[0].level
    below = scoping.within_region(scoping.regions_visible_to(user), region)

    def child_prefixes(codes):
        return Counter(scoping.code_prefix(code, child_level) for code in codes)

    villages = child_prefixes(below.filter(level=Level.VILLAGE).values_list("code", flat=True))
    townships = child_prefixes(below.filter(level=Level.TOWNSHIP).values_list("code", flat=True))
    staff = scoping.within_region(scoping.visible_to(user, get_user_model().objects.filter(is_active=True)), region)
    staff_counts = child_prefixes(staff.values_list("region__code", flat=True))
    return [
        {
            "region": child,
            "townships": townships[child.prefix] if child_level < Level.TOWNSHIP else None,
            "villages": villages[child.prefix] if child_level < Level.VILLAGE else None,
            "staff": staff_counts[child.prefix],
        }
        for child in children
    ]


def region_totals(user, region):
    if region.level == Level.VILLAGE:
        return None  # a station has nothing below it to count
    below = scoping.within_region(scoping.regions_visible_to(user), region).exclude(pk=region.pk)
    counts = Counter(below.values_list("level", flat=True))
    kinds = Counter(below.filter(level=Level.VILLAGE).values_list("kind", flat=True))
    return {
        "counties": counts[Level.COUNTY],
        "townships": counts[Level.TOWNSHIP],
        "villages": counts[Level.VILLAGE],
        "village_committees": kinds["村委会"],
        "residents_committees": kinds["居委会"],
    }


def search_regions(user, query, limit=20, levels=None):
    query = (query or "").strip()
    if not query:
        return Region.objects.none()
    regions = scoping.regions_visible_to(user).select_related("parent")
    if levels:
        regions = regions.filter(level__in=levels)
    if query.isdigit():
        return regions.filter(code__range=scoping.code_range(query[:12]))[:limit]
    return regions.filter(name__contains=query).order_by("level", "code")[:limit]


def staff_of(user, region):
    """The active staff attached to `region` itself (not below it)."""
    users = scoping.visible_to(user, get_user_model().objects.filter(is_active=True, region=region))
    return users.prefetch_related("role_grants").order_by("username")


def place_names(codes, below=None):
    """{region code: where it is}, for the place column of a list: the names from the level under `below` (a
    Region, the list's region) down to the code's own, so a county's list says "上城街道 下城社区", the city's
    "源城区 上城街道 下城社区" and a township's just "下城社区"; without `below`, from the county down. Names
    of all the codes in one query."""
    below_level = scoping.level_of_code(below.code) if below is not None else Level.CITY
    paths = {code: [upper for upper in scoping.ancestor_codes(code) if scoping.level_of_code(upper) > below_level]
             + [code] for code in set(codes) if code}
    names = dict(Region.objects.filter(code__in={part for path in paths.values() for part in path})
                 .values_list("code", "name"))
    return {code: " ".join(names.get(part, part) for part in path) for code, path in paths.items()}
