"""The person page's 企业退休人员 panel (core.areas.Panel, declared in declare.py): the person's retiree record (the
standing one, else the latest), its last visits, and whether a visit is due; a link to register one when there is
none."""

from django.utils import timezone

from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.core.working_age import is_past_retirement
from hrss.pensions.models import Retiree
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.pensions.retirees import selectors
from hrss.residents.models import LabourStatus


def person_retiree(request, person):
    """None for a user without the area's permission; for a person without a record, the link to register one (for
    a user who may handle the person, when the person is retired or past the retirement age; None otherwise)."""
    user = request.user
    if not has_permission(user, PENSIONS_VIEW):
        return None
    records = scoping.visible_to(user, Retiree.objects.filter(person=person).select_related("person"))
    retiree = records.order_by("-created_at", "-pk").first()
    standing = records.filter(state__in=["managed", "not_managed"]).first()
    retiree = standing or retiree
    can_handle = has_permission(user, PENSIONS_HANDLE) and scoping.scope_of(user).contains_code(person.region_code)
    today = timezone.localdate()
    if retiree is None:
        # Offered only for someone the ledger says is retired or who is past the retirement age.
        retired = person.labour_status == LabourStatus.RETIRED or is_past_retirement(
            person.birth_date, person.sex, today, person.retirement_category)
        return {"retiree": None, "person": person, "can_register": True} if can_handle and retired else None
    visits = list(retiree.visits.order_by("-visited_on", "-pk")[:3])
    return {"retiree": retiree, "person": person, "visits": visits,
            "reasons": selectors.reasons(retiree, today),
            "due": selectors.is_due(retiree, visits[0].visited_on if visits else None, today),
            "can_register": False}
