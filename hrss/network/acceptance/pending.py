"""The acceptance part's pending work on the home page (core.pending): for a township's or a village's office, the
rectification items to fix (overdue first); for the county (and the city), the fixes to confirm and the items past
their deadline; for the city, the offices waiting for acceptance."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.models import Level
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.network.acceptance import selectors
from hrss.network.models import RectificationState
from hrss.network.permissions import ACCEPT, INSPECT, OFFICE_EDIT


def office_work(user):
    scope = scoping.scope_of(user)
    if (not has_permission(user, OFFICE_EDIT) or scope.is_empty
            or scope.region.level not in (Level.TOWNSHIP, Level.VILLAGE)):
        return []
    today = timezone.localdate()
    items = selectors.rectifications_visible_to(user, state=RectificationState.OPEN)
    return [PendingItem("待整改的服务机构建设问题", items.count(),
                        f"{reverse('network:acceptance-rectifications')}?state=open",
                        overdue=items.filter(due_on__lt=today).count())]


def inspector_work(user):
    if not has_permission(user, INSPECT):
        return []
    today = timezone.localdate()
    listing = reverse("network:acceptance-rectifications")
    late = selectors.rectifications_visible_to(user, overdue_on=today).count()
    return [
        PendingItem("待确认的整改", selectors.rectifications_visible_to(user, state=RectificationState.FIXED).count(),
                    f"{listing}?state=fixed"),
        PendingItem("逾期未整改的服务机构建设问题", late, f"{listing}?overdue=1", overdue=late),
    ]


def city_work(user):
    if not has_permission(user, ACCEPT):
        return []
    return [PendingItem("待市验收的服务机构", selectors.acceptance_queue(user).count(),
                        f"{reverse('network:acceptance-list')}?state=requested")]
