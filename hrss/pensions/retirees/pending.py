"""The retirees part's pending work on the home page (core.pending): the retirees due a visit (aged 80+ or marked
sick, not visited within the interval of rules.py), and those registered whose files the community has not yet
received. The visits are made by the community (a village's or a township's staff), so the item goes to users of
those levels; a county's or the city's staff see the figure on the statistics page instead."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.models import Level
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.pensions.permissions import PENSIONS_HANDLE
from hrss.pensions.retirees import selectors


def due_visits(user):
    if not has_permission(user, PENSIONS_HANDLE):
        return []
    scope = scoping.scope_of(user)
    if scope.is_empty or scope.region.level < Level.TOWNSHIP:
        return []
    count = selectors.due_visits(user, None, timezone.localdate()).count()
    return [PendingItem("到期应走访的退休人员（高龄、患病）", count, reverse("pensions:retirees-due-visits"),
                        overdue=count)]
