"""The person page's 城乡居民养老保险 panel (core.areas.Panel, declared in declare.py): the person's standing
enrolment (or the latest ended one), with 参保登记 for a user who may enrol them, or why not."""

from django.utils import timezone

from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.pensions.enrolment import services
from hrss.pensions.models import Enrolment
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW


def person_enrolment(request, person):
    """None for a user without the area's permission; `person` was fetched through core.scoping by the page."""
    user = request.user
    if not has_permission(user, PENSIONS_VIEW):
        return None
    found = scoping.visible_to(user, Enrolment.objects.filter(person=person))
    enrolment = (found.filter(state__in=services.STANDING).first()
                 or found.order_by("-received_on", "-pk").first())
    handles = has_permission(user, PENSIONS_HANDLE) and scoping.scope_of(user).contains_code(person.region_code)
    blocker = ""
    if handles and (enrolment is None or enrolment.state not in services.STANDING):
        problems = services.eligibility_problems(person=person, day=timezone.localdate())
        blocker = f"不能参保：{problems[0]}" if problems else ""
    return {"person": person, "enrolment": enrolment, "blocker": blocker,
            "can_enrol": handles and not blocker and (enrolment is None or enrolment.state not in services.STANDING)}
