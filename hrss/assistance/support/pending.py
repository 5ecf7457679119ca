"""The support part's pending work on the home page (core.pending): recognised people without a plan, and people
not visited for longer than the interval (rules.py)."""

from django.urls import reverse
from django.utils import timezone

from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.assistance.support import rules, selectors
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission


def without_plan(user):
    if not has_permission(user, ASSISTANCE_HANDLE):
        return []
    count = selectors.without_plan(user, None, timezone.localdate()).count()
    return [PendingItem("未制定援助计划的就业困难人员", count, reverse("assistance:support-ledger") + "?plan=no")]


def overdue_visits(user):
    if not has_permission(user, ASSISTANCE_HANDLE):
        return []
    today = timezone.localdate()
    count = selectors.overdue(user, None, today).count()
    return [PendingItem(f"超过{rules.visit_interval(today)}天未走访的就业困难人员", count,
                        reverse("assistance:support-ledger") + "?overdue=1", overdue=count)]
