"""The guidance part's panels: on a person's page, their 职业指导 records (with the button to record one) and the
job fairs they were registered at (only fairs the user sees); on a region's statistics page, this year's figures."""

from django.utils import timezone

from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.jobservices.models import GuidanceRecord, JobFair
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


def region_figures(request, region):
    """On a region's statistics page: this year's 职业指导 (sessions and people) and job fairs held in the region
    (not cancelled, up to today), each a link to its list. `region` was fetched through core.scoping."""
    if not has_permission(request.user, JOBSERVICES_VIEW):
        return None
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    records = scoping.within_region(scoping.visible_to(request.user, GuidanceRecord.objects.all()), region).filter(
        given_on__range=(start, today))
    fairs = scoping.within_region(scoping.visible_to(request.user, JobFair.objects.all()), region).filter(
        held_on__range=(start, today), cancelled_on__isnull=True)
    return {"region": region, "year": today.year, "sessions": records.count(),
            "people": records.values("person").distinct().count(), "fairs": fairs.count()}
