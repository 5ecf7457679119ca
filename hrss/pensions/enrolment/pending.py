"""The enrolment part's pending work on the home page (core.pending): enrolments waiting for documents longer than
the window's time limit (rules.PENDING_WORKING_DAYS working days, [believed]). The documents are completed at the
window that took the enrolment (a village's or a township's), so the item goes to users of those levels; a county's or
the city's staff see the figure on the statistics page instead."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.models import Level
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.pensions.enrolment import rules, selectors
from hrss.pensions.models import EnrolmentState
from hrss.pensions.permissions import PENSIONS_HANDLE


def pending_documents(user):
    if not has_permission(user, PENSIONS_HANDLE):
        return []
    scope = scoping.scope_of(user)
    if scope.is_empty or scope.region.level < Level.TOWNSHIP:
        return []
    today = timezone.localdate()
    waiting = selectors.enrolments_visible(user, None, state=EnrolmentState.PENDING).count()
    if not waiting:
        return []
    overdue = len(selectors.pending_overdue(user, None, today))
    return [PendingItem(f"待补齐材料的参保登记（超过{rules.pending_working_days(today)}个工作日未补齐的标为超期）", waiting,
                        reverse("pensions:enrolment-ledger") + "?state=pending", overdue=overdue)]
