"""The offices part's figures on the area's statistics page (core.parts.Figure): per region, within the user's scope,
from the offices' stored standing."""

from hrss.core import scoping
from hrss.network.models import Office, OfficeStanding


def offices_recorded(user, region, today):
    """服务所(站)已登记: offices with a record (an Office row) within the region."""
    return scoping.within_region(scoping.visible_to(user, Office.objects.all()), region).count()


def offices_all_ok(user, region, today):
    """全部达标的服务所(站): no failing and no unknown rule in their stored standing."""
    rows = scoping.within_region(scoping.visible_to(user, OfficeStanding.objects.all()), region)
    return rows.filter(failing=0, unknown=0).count()


def offices_failing(user, region, today):
    """有未达标项的服务所(站)."""
    rows = scoping.within_region(scoping.visible_to(user, OfficeStanding.objects.all()), region)
    return rows.filter(failing__gt=0).count()
