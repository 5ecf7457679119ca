"""The coverage part's pending work on the home page (core.pending): the uninsured residents of a village or
township, for the door-to-door work (a county's or city's staff see the figures on the coverage page instead: a
count over their whole scope on every home page would be a heavy query)."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.models import Level
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.pensions.coverage import selectors
from hrss.pensions.permissions import PENSIONS_HANDLE


def uninsured(user):
    if not has_permission(user, PENSIONS_HANDLE):
        return []
    scope = scoping.scope_of(user)
    if scope.is_empty or scope.region.level < Level.TOWNSHIP:
        return []
    count = selectors.people(user, scope.region, timezone.localdate(), kind="uninsured").count()
    return [PendingItem("未参加养老保险的城乡居民（入户宣传动员）", count,
                        reverse("pensions:coverage-people") + "?kind=uninsured")]
