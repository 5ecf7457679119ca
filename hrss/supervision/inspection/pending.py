"""The inspection part's pending work on the home page (core.pending): for the county's inspectors, the cases to
accept (5 working days from receipt), those due within 3 working days and those overdue; for the county's approver,
the extensions waiting for a decision."""

from django.urls import reverse
from django.utils import timezone

from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.supervision.inspection import selectors
from hrss.supervision.permissions import INSPECTION_APPROVE, INSPECTION_HANDLE


def inspector_work(user):
    if not has_permission(user, INSPECTION_HANDLE):
        return []
    today = timezone.localdate()
    ledger = reverse("supervision:inspection-ledger")
    waiting = selectors.to_accept(user)
    late = selectors.overdue_cases(user, None, today).count()
    return [
        PendingItem("待受理的劳动保障监察案件（5个工作日内决定）", waiting.count(), f"{ledger}?state=received",
                    overdue=waiting.filter(accept_due__lt=today).count()),
        PendingItem(f"{selectors.SOON_WORKING_DAYS}个工作日内到期的监察案件", selectors.due_soon(user, today).count(),
                    f"{ledger}?state=open"),
        PendingItem("已逾期的劳动保障监察案件", late, f"{ledger}?overdue=1", overdue=late),
    ]


def approver_work(user):
    if not has_permission(user, INSPECTION_APPROVE):
        return []
    count = selectors.extensions_to_decide(user).count()
    return [PendingItem("待批准的监察案件延期", count, reverse("supervision:inspection-extensions"))]
