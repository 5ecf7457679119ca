"""The guidance part's panel on a person's page: their 职业指导 records (with the button to record one) and the
job fairs they were registered at (only fairs the user sees)."""

from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.jobservices.models import JobFair
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW


def person_guidance(request, person):
    """`person` was fetched through core.scoping by the page."""
    if not has_permission(request.user, JOBSERVICES_VIEW):
        return None
    fairs = scoping.visible_to(request.user, JobFair.objects.all())
    return {
        "person": person,
        "records": person.guidance_records.order_by("-given_on", "-id")[:20],
        "attendances": person.fair_attendances.filter(fair__in=fairs).select_related("fair")
        .order_by("-fair__held_on")[:10],
        "can_handle": has_permission(request.user, JOBSERVICES_HANDLE),
    }
