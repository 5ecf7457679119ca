"""The person page's 领取待遇资格认证 panel (core.areas.Panel, declared in declare.py): the person's certifications
of the last three years."""

from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.pensions.models import Certification, CertificationState
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW


def person_certifications(request, person):
    """None for a user without the area's permission and for a person never in a campaign."""
    user = request.user
    if not has_permission(user, PENSIONS_VIEW):
        return None
    certifications = list(scoping.visible_to(user, Certification.objects.filter(person=person))
                          .select_related("campaign").order_by("-campaign__year", "-pk")[:3])
    if not certifications:
        return None
    return {"certifications": certifications, "can_certify": has_permission(user, PENSIONS_HANDLE),
            "open_states": (CertificationState.DUE, CertificationState.SUSPENDED)}
