"""The retirees part's pending work on the home page (core.pending): the retirees due a visit (aged 80+ or marked
sick, not visited within the interval of rules.py), and those registered whose files the community has not yet
received."""

from django.urls import reverse
from django.utils import timezone

from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.pensions.permissions import PENSIONS_HANDLE
from hrss.pensions.retirees import selectors


def due_visits(user):
    if not has_permission(user, PENSIONS_HANDLE):
        return []
    count = selectors.due_visits(user, None, timezone.localdate()).count()
    return [PendingItem("到期应走访的退休人员（高龄、患病）", count, reverse("pensions:retirees-due-visits"),
                        overdue=count)]
