"""The publicity part's pending work on the home page (core.pending): the notices sent to the user's own office
that it has not marked read (those past their reading day counted as overdue)."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.supervision.permissions import SUPERVISION_HANDLE
from hrss.supervision.publicity import selectors


def unread_notices(user):
    if not has_permission(user, SUPERVISION_HANDLE):
        return []
    scope = scoping.scope_of(user)
    if scope.is_empty:
        return []
    unread = selectors.received(user, scope.region).filter(read_on__isnull=True)
    count = unread.count()
    if not count:
        return []
    return [PendingItem("未阅的通知", count, reverse("supervision:publicity-notices"),
                        overdue=selectors.overdue(unread, timezone.localdate()).count())]
