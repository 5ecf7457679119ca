"""A card not yet handed over follows its person: when the ledger moves a person to another village
(residents.move_person, which audits the move), a standing application still on its way (applied, in a batch,
made, arrived) moves to the new village, which hands the card over; the old village gets 404. A card already handed
over, and the applications of the past, stay where they were made, like every ledger entry of the past."""

from hrss.pensions.models import CardApplication, CardState

ON_ITS_WAY = (CardState.APPLIED, CardState.IN_BATCH, CardState.MADE, CardState.ARRIVED)


def follow_person(person, from_code, to_code):
    """A step of residents.move_person, inside its transaction (the mover was checked there)."""
    CardApplication.objects.filter(person=person, state__in=ON_ITS_WAY, region_code=from_code).update(
        region_code=to_code)
