"""The person page's 城乡居民养老保险待遇 panel (core.areas.Panel, declared in declare.py)."""

from django.utils import timezone

from hrss.core import scoping
from hrss.core.permissions import has_permission
from hrss.pensions.benefits import eligibility, selectors
from hrss.pensions.benefits.chains import AWARD, step_label
from hrss.pensions.models import DeathReport, Pension, PensionState
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW


def person_pension(request, person):
    """The person's pension (its calculation lines and rules, state, latest payments) and earlier ones, with 申领待遇
    for their village's assistant when the first month has come; None for a user without the permission, or with
    nothing to show and nothing to offer. `person` was fetched through core.scoping by the page."""
    user = request.user
    if not has_permission(user, PENSIONS_VIEW):
        return None
    today = timezone.localdate()
    found = list(scoping.visible_to(user, Pension.objects.filter(person=person)).select_related("case")
                 .order_by("-created_at", "-id"))
    death = scoping.visible_to(user, DeathReport.objects.filter(person=person)).first()
    intake = has_permission(user, PENSIONS_HANDLE) and bool(set(user.role_list) & AWARD.intake.roles)
    standing = next((p for p in found if p.state in (PensionState.IN_REVIEW, PensionState.PAYING,
                                                      PensionState.SUSPENDED)), None)
    first = eligibility.first_month_for(person, today)
    if not found and not death and not (intake and eligibility.standing_enrolment(person)):
        return None
    current = standing or (found[0] if found else None)
    return {
        "person": person, "pension": current, "death": death,
        "state_label": (step_label(current.case) if current and current.state == PensionState.IN_REVIEW
                        and current.case else current.get_state_display() if current else ""),
        "payments": list(current.payments.order_by("-month", "-id")[:6]) if current else [],
        "paid_months": selectors.paid_months(current) if current else 0,
        "can_apply": intake and standing is None and death is None and today.replace(day=1) >= first
        and eligibility.standing_enrolment(person) is not None,
        "first_month": first, "can_report_death": has_permission(user, PENSIONS_HANDLE) and death is None,
        "earlier": [p for p in found if p is not current][:3],
    }
