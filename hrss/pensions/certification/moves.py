"""An open certification stays with what is certified when the ledger moves its person (residents.move_person,
which audits the move; this runs inside its transaction):

- a pension's certification stays with the pension, which is paid, suspended and resumed where it is (the benefits
  part does not move pensions): its village keeps certifying it, and resuming it after a suspension is that
  village's and its county's to do;
- a retiree's certification follows the retiree record (the retirees part moves it within the city) while the new
  village is inside the campaign's region; a move out of it takes the still-due row away (a row made on demand,
  nothing done on it yet), so the new county's campaign of that year counts and lists the retiree there. A
  suspended row stays with the campaign that suspended it.

Certifications done stay where they were, like every ledger entry of the past; a subject without a row needs
nothing: it is where its pension or retiree record is."""

from hrss.core import scoping
from hrss.core.models import Level
from hrss.pensions.models import Certification, CertificationState
from hrss.pensions.models.certification import OPEN_STATES


def follow_person(person, from_code, to_code):
    """A step of residents.move_person, inside its transaction (the mover was checked there)."""
    if scoping.ancestor_code(from_code, Level.CITY) != scoping.ancestor_code(to_code, Level.CITY):
        return
    rows = Certification.objects.filter(person=person, retiree__isnull=False, state__in=OPEN_STATES,
                                        region_code=from_code).select_related("campaign")
    for row in rows:
        if scoping.code_is_within(to_code, row.campaign.region_code):
            Certification.objects.filter(pk=row.pk).update(region_code=to_code)
        elif row.state == CertificationState.DUE:
            Certification.objects.filter(pk=row.pk).delete()
