"""The person page's 领取待遇资格认证 panel (core.areas.Panel, declared in declare.py): the person's certifications
of the last three years."""

from hrss.core import scoping
from hrss.core.models import Region
from hrss.core.permissions import has_permission
from hrss.pensions.certification import selectors, services
from hrss.pensions.models import (
    Certification,
    CertificationCampaign,
    CertificationState,
    Pension,
    PensionState,
    Retiree,
    RetireeState,
)
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW


def _give_rows(user, person):
    """A subject of a campaign not yet suspended with no row there gets one (its village's rows, ensure_rows: the
    panel then offers 办理认证 as the village's list does). Idempotent; only villages in the user's scope."""
    codes = set()
    for rows in (Pension.objects.filter(person=person, state=PensionState.PAYING),
                 Retiree.objects.filter(person=person, state=RetireeState.MANAGED)):
        codes |= set(scoping.visible_to(user, rows).values_list("region_code", flat=True))
    for code in sorted(codes):
        village = Region.objects.filter(code=code, is_active=True).first()
        if village is None:
            continue
        for campaign in CertificationCampaign.objects.filter(region_code__in=scoping.ancestor_codes(code),
                                                             suspensions_done_on__isnull=True):
            if any(rows.filter(person=person, region_code=code).exists()
                   for rows in selectors.without_rows(campaign.year)):
                services.ensure_rows(campaign, village)


def person_certifications(request, person):
    """None for a user without the area's permission and for a person never in a campaign."""
    user = request.user
    if not has_permission(user, PENSIONS_VIEW):
        return None
    _give_rows(user, person)
    certifications = list(scoping.visible_to(user, Certification.objects.filter(person=person))
                          .select_related("campaign").order_by("-campaign__year", "-pk")[:3])
    if not certifications:
        return None
    return {"certifications": certifications, "can_certify": has_permission(user, PENSIONS_HANDLE),
            "open_states": (CertificationState.DUE, CertificationState.SUSPENDED)}
