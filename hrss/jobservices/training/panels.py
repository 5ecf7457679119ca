"""The training part's panels on other areas' pages (core.areas.Panel): a person's wishes, courses and
certificates on the person's page, and KPI 4 on a region's statistics page."""

from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.jobservices.models import Course
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW


def person_training(request, person):
    """`person` was fetched through core.scoping by the page; the courses it names link only when in scope."""
    if not has_permission(request.user, JOBSERVICES_VIEW):
        return None
    enrolments = list(person.enrolments.select_related("course").order_by("-enrolled_on", "-pk"))
    visible = set(scoping.visible_to(request.user, Course.objects.filter(
        pk__in=[e.course_id for e in enrolments])).values_list("pk", flat=True))
    for enrolment in enrolments:
        enrolment.course_visible = enrolment.course_id in visible
    return {
        "person": person, "wishes": person.training_wishes.order_by("-recorded_on", "-pk"),
        "enrolments": enrolments, "can_handle": has_permission(request.user, JOBSERVICES_HANDLE),
    }


def rural_training(request, region):
    """KPI 4 of the region, loaded by the browser after the statistics page (htmx): counting a city's people takes
    about a second at 200,000 (bench in the commit), and the statistics page is read from snapshots to be fast."""
    if not has_permission(request.user, JOBSERVICES_VIEW):
        return None
    return {"region": region}
