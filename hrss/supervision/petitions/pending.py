"""The petitions part's pending work on the home page (core.pending): the open petitions of the user's scope whose
running period (受理、办理、复查、复核) ends within a few days, or has ended."""

from django.urls import reverse
from django.utils import timezone

from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.supervision.permissions import SUPERVISION_HANDLE
from hrss.supervision.petitions import selectors


def due_petitions(user):
    if not has_permission(user, SUPERVISION_HANDLE):
        return []
    today = timezone.localdate()
    count = selectors.due_soon(user, today).count()
    if not count:
        return []
    overdue = selectors.petitions(user).filter(selectors.overdue_q(today)).count()
    return [PendingItem(f"{selectors.DUE_SOON_DAYS}日内到期或已超期的信访件", count,
                        reverse("supervision:petitions-ledger") + "?due=soon", overdue=overdue)]
