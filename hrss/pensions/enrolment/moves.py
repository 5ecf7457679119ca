"""A standing enrolment follows its person within the city: when the ledger moves a person to another village
(residents.move_person), the enrolment that is pending, paying or drawing, and the person's 城镇职工养老保险 record
still open, are held by the village the person now lives in, which sees and serves them; the old village no longer
does. Ended enrolments (transferred, terminated) stay where they were, like every ledger entry of the past. Leaving
the city is services.transfer_out."""

from hrss.pensions.enrolment.services import STANDING
from hrss.pensions.models import EmployeeSchemeRecord, Enrolment


def follow_person(person, from_code, to_code):
    """A step of residents.move_person, inside its transaction (the mover was checked there)."""
    Enrolment.objects.filter(person=person, state__in=STANDING, region_code=from_code).update(region_code=to_code)
    EmployeeSchemeRecord.objects.filter(person=person, until__isnull=True, region_code=from_code).update(
        region_code=to_code)
