"""The person page's 灵活就业 panel (core.areas.Panel, declared in declare.py)."""

from hrss.assistance.flexible import services
from hrss.assistance.models import FlexibleRegistration, FlexibleSubsidy
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.core import scoping
from hrss.core.permissions import has_permission


def person_flexible(request, person):
    """The person's flexible registrations and subsidies, with the registration button for those who register.
    `person` was fetched through core.scoping by the page; None for a user without the area's permission, and for a
    person with nothing to show when the user may not register."""
    user = request.user
    if not has_permission(user, ASSISTANCE_VIEW):
        return None
    registrations = list(scoping.visible_to(user, FlexibleRegistration.objects.filter(person=person))
                         .order_by("-started_on", "-id"))
    subsidies = list(scoping.visible_to(user, FlexibleSubsidy.objects.filter(person=person)).select_related("case")
                     .order_by("-applied_on", "-id"))
    can_register = (has_permission(user, ASSISTANCE_HANDLE) and bool(set(user.role_list) & services.REGISTRATION_ROLES)
                    and not any(r.is_active for r in registrations))
    if not registrations and not subsidies and not can_register:
        return None
    return {"person": person, "registrations": registrations, "subsidies": subsidies, "can_register": can_register}
