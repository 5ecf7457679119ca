"""The offices part's reads: an office of a region, the offices under a region with their stored standing."""

from hrss.core import scoping
from hrss.core.models import Level, Region
from hrss.network.models import Office, OfficeStanding

OFFICE_LEVELS = (Level.TOWNSHIP, Level.VILLAGE)


def office_of(region):
    """The Office row of `region` (a Region, or its code), or None when nothing was recorded for it yet."""
    code = region if isinstance(region, str) else region.code
    return Office.objects.filter(region_code=code).first()


def standings_under(region):
    """{region code: OfficeStanding} of the offices within `region`."""
    rows = scoping.within_region(OfficeStanding.objects.select_related("office"), region)
    return {row.office.region_code: row for row in rows}


def office_regions(user, region):
    """The townships and villages directly below `region` (or `region` itself when a village) the user sees, with
    their stored standing: [(region, standing or None)]; a region without an office counts as unknown."""
    if region.level == Level.VILLAGE:
        regions = [region]
    else:
        children = scoping.visible_to(user, Region.objects.filter(parent=region, is_active=True)).order_by("code")
        regions = ([region] if region.level == Level.TOWNSHIP else []) + list(children)
    standings = {row.office.region_code: row for row in OfficeStanding.objects.select_related("office")
                 .filter(office__region_code__in=[r.code for r in regions])}
    return [(place, standings.get(place.code)) for place in regions]


def summary_under(region):
    """Counts of the offices within `region` from their stored standing: {"offices": regions of township and
    village level, "recorded": with an Office row, "all_ok": meeting every rule in force (no failing, no unknown),
    "failing": with a failing rule, "unknown": the rest (no row, or rules not yet recorded)}. The dashboard reads it."""
    places = scoping.within_region(Region.objects.filter(is_active=True, level__in=OFFICE_LEVELS), region).count()
    standings = list(scoping.within_region(OfficeStanding.objects.all(), region).values("failing", "unknown"))
    recorded = scoping.within_region(Office.objects.all(), region).count()
    all_ok = sum(1 for row in standings if not row["failing"] and not row["unknown"])
    failing = sum(1 for row in standings if row["failing"])
    return {"offices": places, "recorded": recorded, "all_ok": all_ok, "failing": failing,
            "unknown": places - all_ok - failing}
