"""An open 求职登记 follows its person: when the ledger moves a person to another village (residents.move_person),
the village that now serves them holds the registration and its wanted occupations (matching reads their village),
so its assistant sees it and its KPIs count it. Closed registrations stay where they were made, like every ledger
entry of the past."""

from hrss.jobservices.models import JobSeeker, SeekerStatus, WantedOccupation


def follow_person(person, from_code, to_code):
    """A step of residents.move_person, inside its transaction (the mover was checked there)."""
    open_ones = JobSeeker.objects.filter(person=person, status=SeekerStatus.ACTIVE, region_code=from_code)
    WantedOccupation.objects.filter(seeker__in=open_ones).update(region_code=to_code)
    open_ones.update(region_code=to_code)
