"""A death closes the person's open certifications: the benefits part reports a death once
(pensions.benefits.services.report_death, which checks the actor and audits the death) and runs its after_death
hooks inside that transaction; this one marks each certification still due or suspended as 已死亡, which takes it
out of the village's due list, the reminders and the suspension run, with its own audit entry."""

from hrss.core import audit
from hrss.pensions.models import Certification, CertificationState
from hrss.pensions.models.certification import OPEN_STATES


def close_on_death(person, died_on, actor, today):
    """benefits.services.after_death's hook: each open certification of the person becomes 已死亡."""
    for certification in Certification.objects.filter(person=person, state__in=OPEN_STATES).select_related(
            "campaign"):
        note = f"{died_on:%Y-%m-%d}死亡"
        Certification.objects.filter(pk=certification.pk).update(state=CertificationState.DIED, note=note)
        audit.record(actor=actor, action="pensions.certification.closed_on_death", target=certification,
                     region_code=certification.region_code, subject_id_number=person.id_number,
                     before={"certification_state": certification.state},
                     after={"certification_state": CertificationState.DIED, "certification_died_on": died_on},
                     note=note)
