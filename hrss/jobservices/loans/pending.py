"""The loans part's pending work on the home page (core.pending): applications waiting for the user's step, and
overdue instalments for whoever follows repayments up."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import review
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.jobservices.loans import selectors, services
from hrss.jobservices.loans.chains import LOAN_APPLICATION
from hrss.jobservices.permissions import LOAN_HANDLE


def review_work(user):
    if not has_permission(user, LOAN_HANDLE):
        return []
    queue = review.queue_for(user, case_type=LOAN_APPLICATION.case_type)
    overdue = queue.filter(due_date__lt=timezone.localdate()).count()
    return [PendingItem("待办理的创业担保贷款申请", queue.count(), reverse("jobservices:loans-applications"),
                        overdue=overdue)]


def overdue_instalments(user):
    if not has_permission(user, LOAN_HANDLE) or not set(user.role_list) & services.REPAYMENT_ROLES:
        return []
    count = selectors.overdue_instalments(user, timezone.localdate()).count()
    return [PendingItem("逾期未还的创业担保贷款期次", count, reverse("jobservices:loans-ledger") + "?overdue=1",
                        overdue=count)]
