"""The petitions part's pending work on the home page (core.pending): what the user's own office must do now
(新收待受理, 监察已结案待答复, the running periods ending within a few days or ended)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.supervision.models import PetitionState
from hrss.supervision.permissions import SUPERVISION_HANDLE
from hrss.supervision.petitions import selectors, services


def due_petitions(user):
    """The work of the user's own office (the petitions it holds, region_code its code): 新收待受理 at a township
    or county, 监察已结案、待答复信访人, and those due within a few days or overdue. A petition a village still
    holds is not the township's work (it can only wait for the village's 上报)."""
    if not has_permission(user, SUPERVISION_HANDLE):
        return []
    today = timezone.localdate()
    ledger = reverse("supervision:petitions-ledger")
    held = selectors.held_at(user, selectors.petitions(user))
    items = []
    scope = scoping.scope_of(user)
    if not scope.is_empty and scope.region.level in services.DECIDING_LEVELS:
        received = held.filter(state=PetitionState.RECEIVED)
        if count := received.count():
            items.append(PendingItem("新收待受理的信访件", count, f"{ledger}?held=here&state=received",
                                     overdue=received.filter(selectors.overdue_q(today)).count()))
    if count := held.filter(selectors.awaiting_reply_q()).count():
        items.append(PendingItem("监察已结案，待答复信访人", count, f"{ledger}?held=here&awaiting=reply"))
    due = held.filter(selectors.due_by_q(today + datetime.timedelta(days=selectors.DUE_SOON_DAYS)))
    if count := due.count():
        items.append(PendingItem(f"{selectors.DUE_SOON_DAYS}日内到期或已超期的信访件", count,
                                 f"{ledger}?held=here&due=soon", overdue=held.filter(selectors.overdue_q(today)).count()))
    return items
