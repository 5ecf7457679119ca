"""The grid part's pending work on the home page (core.pending): the leads reported in the user's scope that wait
for a decision (移交劳动保障监察, 不予移交 or 已现场解决). Deciding is the township's or the county's, so the item
goes to users of those levels (and the city's); a village sees its leads on the cell's page."""

from django.urls import reverse

from hrss.core import scoping
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.supervision.grid import selectors, services
from hrss.supervision.permissions import SUPERVISION_HANDLE


def open_leads(user):
    if not has_permission(user, SUPERVISION_HANDLE):
        return []
    scope = scoping.scope_of(user)
    if scope.is_empty or scope.region.level not in services.DECIDING_LEVELS:
        return []
    count = selectors.open_leads(user).count()
    if not count:
        return []
    return [PendingItem("待处理的网格线索（移交劳动保障监察或不予移交）", count,
                        reverse("supervision:grid-leads") + "?state=reported&year=all")]
