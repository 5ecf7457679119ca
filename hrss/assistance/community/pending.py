"""The community part's pending work (core.pending): in the first quarter, the urban communities whose assessment of
the last year is not recorded yet; for the county, the recorded assessments waiting for its result."""

from django.urls import reverse
from django.utils import timezone

from hrss.assistance.community import rules, selectors, services
from hrss.assistance.models import AssessmentResult
from hrss.assistance.permissions import ASSISTANCE_HANDLE
from hrss.core import scoping
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission


def assessments_due(user):
    if not has_permission(user, ASSISTANCE_HANDLE):
        return []
    scope = scoping.scope_of(user)
    if scope.is_empty:
        return []
    today = timezone.localdate()
    items = []
    year = rules.assessment_due(today)
    if year is not None:
        count = selectors.unassessed(user, scope.region, year).count()
        if count:
            items.append(PendingItem(f"待评估的充分就业社区（{year}年度）", count,
                                     reverse("assistance:community-assessments") + f"?year={year}&missing=1"))
    if set(user.role_list) & services.DECIDING_ROLES:
        waiting = selectors.assessments_visible_to(user, result=AssessmentResult.PENDING).count()
        if waiting:
            items.append(PendingItem("待认定的充分就业社区评估", waiting,
                                     reverse("assistance:community-assessments") + "?result=pending"))
    return items
