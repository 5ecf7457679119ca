"""The guidance part's pending work on the home page: the office's guidance whose next step is due."""

from django.urls import reverse
from django.utils import timezone

from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.jobservices.guidance import selectors
from hrss.jobservices.permissions import JOBSERVICES_HANDLE


def follow_ups(user):
    if not has_permission(user, JOBSERVICES_HANDLE) or not user.region_id:
        return []
    today = timezone.localdate()
    due = selectors.follow_ups_due(user, today)
    return [PendingItem("职业指导待跟进", due.count(), reverse("jobservices:guidance-list") + "?follow_up=1",
                        overdue=due.filter(next_on__lt=today).count())]
