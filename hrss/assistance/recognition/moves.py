"""A standing recognition follows its person: when the ledger moves a person to another village
(residents.move_person), the recognition in review or in force, its objections and reviews, and its review case are
held by the village the person now lives in, so that village sees and follows it up and the old one no longer
does. Ended recognitions (refused, exited) stay where they were made, like every ledger entry of the past."""

from hrss.assistance.models import EligibilityReview, Objection, Recognition, RecognitionStatus
from hrss.core.models import ReviewCase

STANDING = (RecognitionStatus.IN_REVIEW, RecognitionStatus.RECOGNISED)


def follow_person(person, from_code, to_code):
    """A step of residents.move_person, inside its transaction (the mover was checked there)."""
    standing = Recognition.objects.filter(person=person, status__in=STANDING, region_code=from_code)
    ids = list(standing.values_list("pk", flat=True))
    if not ids:
        return
    Objection.objects.filter(recognition_id__in=ids).update(region_code=to_code)
    EligibilityReview.objects.filter(recognition_id__in=ids).update(region_code=to_code)
    ReviewCase.objects.filter(difficulty_recognition__in=ids).update(region_code=to_code)
    Recognition.objects.filter(pk__in=ids).update(region_code=to_code)
