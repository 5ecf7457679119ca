"""A death closes the person's open certifications: the benefits part reports a death once
(pensions.benefits.services.report_death, which checks the actor and audits the death) and runs its after_death
hooks inside that transaction; this one first gives the person a row in each campaign not yet suspended that holds
them as a subject without one (their pension was paying until this death, their retiree record managed), then
marks each certification still due or suspended as 已死亡, which takes it out of the village's due list, the
figures' due, the reminders and the suspension run, with its own audit entry."""

from django.db.models import Q

from hrss.core import audit, scoping
from hrss.pensions.certification import services
from hrss.pensions.models import Certification, CertificationCampaign, CertificationState, Pension, Retiree
from hrss.pensions.models.benefits import PensionState
from hrss.pensions.models.certification import OPEN_STATES
from hrss.pensions.models.retirees import RetireeState


def _rows_for_subjects(person, died_on):
    """Rows for the person as a subject without one: the pension stopped by this death (benefits stops it before
    the hooks run) or still paying, the retiree record managed or closed by this death."""
    pensions = Pension.objects.filter(Q(state=PensionState.PAYING) | Q(state=PensionState.STOPPED, died_on=died_on),
                                      person=person)
    retirees = Retiree.objects.filter(Q(state=RetireeState.MANAGED) | Q(state=RetireeState.DIED, died_on=died_on),
                                      person=person)
    codes = set(pensions.values_list("region_code", flat=True)) | set(retirees.values_list("region_code", flat=True))
    ancestors = {upper for code in codes for upper in scoping.ancestor_codes(code)}
    for campaign in CertificationCampaign.objects.filter(region_code__in=ancestors, suspensions_done_on__isnull=True):
        services._insert_rows(campaign, pensions=pensions, retirees=retirees)


def close_on_death(person, died_on, actor, today):
    """benefits.services.after_death's hook: each open certification of the person becomes 已死亡."""
    _rows_for_subjects(person, died_on)
    for certification in Certification.objects.filter(person=person, state__in=OPEN_STATES).select_related(
            "campaign"):
        note = f"{died_on:%Y-%m-%d}死亡"
        Certification.objects.filter(pk=certification.pk).update(state=CertificationState.DIED, note=note)
        audit.record(actor=actor, action="pensions.certification.closed_on_death", target=certification,
                     region_code=certification.region_code, subject_id_number=person.id_number,
                     before={"certification_state": certification.state},
                     after={"certification_state": CertificationState.DIED, "certification_died_on": died_on},
                     note=note)
