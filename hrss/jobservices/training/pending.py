"""Pending work of the training part for the home page's 待办: subsidy claims waiting for the user."""

from django.urls import reverse
from django.utils import timezone

from hrss.core import review
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.jobservices.permissions import JOBSERVICES_HANDLE
from hrss.jobservices.training.chains import TRAINING_SUBSIDY


def claims_waiting(user):
    if not has_permission(user, JOBSERVICES_HANDLE):
        return []
    queue = review.queue_for(user, case_type=TRAINING_SUBSIDY.case_type)
    waiting = queue.count()
    overdue = queue.filter(due_date__lt=timezone.localdate()).count()
    return [PendingItem("待办理的培训补贴申领", waiting, reverse("jobservices:training-claims"), overdue=overdue)]
