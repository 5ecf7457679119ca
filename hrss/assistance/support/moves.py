"""A standing recognition's plans and visits follow their person: when the ledger moves a person to another village
(residents.move_person), the recognition part moves the person's standing recognition (in review or recognised)
there, and this moves that recognition's assistance plans (every version) and home visits with it, so the village
that now serves the person holds the whole file: it sees and continues it, and the old village gets 404.
Plans and visits of a closed recognition (exited or refused) stay where they were made, with their recognition, like
every ledger entry of the past. Standing is decided here by status, the way the recognition part decides it, so the
order in which the two hooks run does not matter."""

from hrss.assistance.models import AssistancePlan, HomeVisit, Recognition, RecognitionStatus

STANDING = (RecognitionStatus.IN_REVIEW, RecognitionStatus.RECOGNISED)


def follow_person(person, from_code, to_code):
    """A step of residents.move_person, inside its transaction (the mover was checked there)."""
    standing = Recognition.objects.filter(person=person, status__in=STANDING)
    AssistancePlan.objects.filter(recognition__in=standing, region_code=from_code).update(region_code=to_code)
    HomeVisit.objects.filter(recognition__in=standing, region_code=from_code).update(region_code=to_code)
