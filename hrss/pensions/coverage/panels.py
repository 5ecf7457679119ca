"""The person page's 社会保险覆盖 panel (core.areas.Panel, declared in declare.py): whether the person is in scope of
KPI 5 today, how insured (or not, with the enrolment intake), and their employees' scheme records."""

from django.utils import timezone

from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.pensions.coverage import selectors
from hrss.pensions.models import EmployeeSchemeRecord
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW


def person_coverage(request, person):
    """None for a user without the area's permission."""
    user = request.user
    if not has_permission(user, PENSIONS_VIEW):
        return None
    from hrss.pensions.coverage.views import intake_url

    today = timezone.localdate()
    in_scope, why, value = selectors.coverage_of(person, today)
    can_handle = has_permission(user, PENSIONS_HANDLE)
    kind = selectors.kind_label(value) if in_scope and value != selectors.UNINSURED else ""
    return {"in_scope": in_scope, "why": why, "kind": kind, "can_handle": can_handle,
            "intake_url": intake_url(person) if can_handle and in_scope and not kind else "",
            "records": scoping.visible_to(user, EmployeeSchemeRecord.objects.filter(person=person))
            .order_by("-since", "-pk")[:5]}
