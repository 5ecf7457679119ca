"""The person page's 就业援助 panel (core.areas.Panel, declared in declare.py): the plan and the last visits."""

from django.utils import timezone

from hrss.assistance.models import Recognition
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.assistance.support import rules, selectors
from hrss.core import scoping
from hrss.core.permissions import has_permission


def person_support(request, person):
    """The person's latest recognition (standing or exited) with its current plan and last three visits; None for
    a user without the area's permission and for a person never recognised."""
    user = request.user
    if not has_permission(user, ASSISTANCE_VIEW):
        return None
    recognition = (scoping.visible_to(user, Recognition.objects.filter(person=person, recognised_on__isnull=False,
                                                                       status__in=["recognised", "exited"]))
                   .order_by("-recognised_on", "-pk").first())
    if recognition is None:
        return None
    today = timezone.localdate()
    visits = list(recognition.home_visits.order_by("-visited_on", "-pk")[:3])
    followed = visits[0].visited_on if visits else recognition.recognised_on
    return {"recognition": recognition, "visits": visits,
            "plan": recognition.assistance_plans.filter(is_current=True).select_related("responsible").first(),
            "can_plan": selectors.is_valid(recognition, today) and has_permission(user, ASSISTANCE_HANDLE),
            "overdue": selectors.is_valid(recognition, today) and followed < rules.overdue_cutoff(today)}
