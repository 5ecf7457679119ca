"""The person page's 公益性岗位 panel (core.areas.Panel, declared in declare.py)."""

from django.utils import timezone

from hrss.assistance.models import Placement
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.assistance.posts import selectors
from hrss.core import scoping
from hrss.core.permissions import has_permission


def person_posts(request, person):
    """The person's placements, and the placing button while the person is a valid 就业困难人员 in no post. None
    for a user without the area's permission, and for a person with neither."""
    user = request.user
    if not has_permission(user, ASSISTANCE_VIEW):
        return None
    placements = list(scoping.visible_to(user, Placement.objects.filter(person=person)).select_related("post")
                      .order_by("-started_on", "-id"))
    can_place = (has_permission(user, ASSISTANCE_HANDLE) and not any(p.ended_on is None for p in placements)
                 and selectors.valid_recognition(person, timezone.localdate()) is not None)
    if not placements and not can_place:
        return None
    return {"person": person, "placements": placements, "can_place": can_place}
