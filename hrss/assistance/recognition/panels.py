"""The person page's 就业困难人员认定 panel (core.areas.Panel, declared in declare.py)."""

from django.utils import timezone

from hrss.assistance.models import Recognition
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.assistance.recognition import categories, selectors
from hrss.assistance.recognition.chains import RECOGNITION, step_label
from hrss.core import scoping
from hrss.core.permissions import has_permission


def person_recognition(request, person):
    """The person's standing recognition (or application) and earlier ones, with 申请认定 for their village's
    assistant. `person` was fetched through core.scoping by the page; None for a user without the permission, or
    with nothing to show and no intake to offer."""
    user = request.user
    if not has_permission(user, ASSISTANCE_VIEW):
        return None
    today = timezone.localdate()
    found = list(scoping.visible_to(user, Recognition.objects.filter(person=person)).select_related("case")
                 .order_by("-applied_on", "-id"))
    valid = selectors.valid_recognition(person, today)
    intake = has_permission(user, ASSISTANCE_HANDLE) and bool(set(user.role_list) & RECOGNITION.intake.roles)
    blocker = selectors.apply_blocker(person, today) if intake else ""
    can_apply = intake and not blocker
    if not found and not intake:
        return None
    recognised = next((r for r in found if r.status == "recognised"), None)
    return {"person": person, "can_apply": can_apply, "blocker": blocker, "valid": valid,
            "in_work": selectors.in_work_warning(recognised) if recognised else "",
            "rows": [(r, categories.name_of(r.category), step_label(r.case) if r.status == "in_review"
                      else r.get_status_display()) for r in found[:5]]}
