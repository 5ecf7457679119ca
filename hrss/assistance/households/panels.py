"""The person page's 零就业家庭 panel (core.areas.Panel, declared in declare.py): the case of the person's household."""

from hrss.assistance.models import ZeroEmploymentHousehold
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.residents.models import LabourStatus


def person_household(request, person):
    """The latest case of the person's household (open first), and the report link for an unemployed member of a
    household without an open case. `person` was fetched through core.scoping by the page; None when there is
    nothing to show."""
    user = request.user
    if not has_permission(user, ASSISTANCE_VIEW) or not person.household_id:
        return None
    cases = list(scoping.visible_to(user, ZeroEmploymentHousehold.objects.filter(household_id=person.household_id))
                 .select_related("cleared_member").order_by("-found_on", "-pk")[:5])
    has_open = any(case.is_open for case in cases)
    can_report = (has_permission(user, ASSISTANCE_HANDLE) and not has_open
                  and person.labour_status == LabourStatus.UNEMPLOYED)
    if not cases and not can_report:
        return None
    return {"person": person, "cases": cases, "can_report": can_report}
