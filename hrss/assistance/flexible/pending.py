"""The flexible part's pending work on the home page (core.pending): subsidy applications waiting for the user's
step, and registrations the village is to verify."""

from django.urls import reverse
from django.utils import timezone

from hrss.assistance.flexible import selectors, services
from hrss.assistance.flexible.chains import FLEXIBLE_SUBSIDY
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.core import review
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission


def review_work(user):
    if not has_permission(user, ASSISTANCE_HANDLE):
        return []
    queue = review.queue_for(user, case_type=FLEXIBLE_SUBSIDY.case_type)
    overdue = queue.filter(due_date__lt=timezone.localdate()).count()
    return [PendingItem("待办理的灵活就业社保补贴申请", queue.count(), reverse("assistance:flexible-subsidies"),
                        overdue=overdue)]


def verification_due(user):
    if not has_permission(user, ASSISTANCE_HANDLE) or not set(user.role_list) & services.VERIFY_ROLES:
        return []
    waiting, late = selectors.verification_due(user, timezone.localdate())
    return [PendingItem("待核实的灵活就业登记", waiting.count(),
                        reverse("assistance:flexible-ledger") + "?state=unverified", overdue=late.count())]
