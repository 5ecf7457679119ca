"""An open certification follows its person within the city: when the ledger moves a person to another village
(residents.move_person, which audits the move), each certification still due or suspended is held by the new
village, which certifies the person (the old one gets 404). Certifications done, and moves out of the city, stay
where they were, like every ledger entry of the past. A subject without a row needs nothing: it is where its
pension or retiree record is (their region_code), and gets its row there when that village's list is opened."""

from hrss.core import scoping
from hrss.core.models import Level
from hrss.pensions.models import Certification
from hrss.pensions.models.certification import OPEN_STATES


def follow_person(person, from_code, to_code):
    """A step of residents.move_person, inside its transaction (the mover was checked there)."""
    if scoping.ancestor_code(from_code, Level.CITY) != scoping.ancestor_code(to_code, Level.CITY):
        return
    Certification.objects.filter(person=person, state__in=OPEN_STATES, region_code=from_code).update(
        region_code=to_code)
