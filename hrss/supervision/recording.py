"""Who answers for a record an office made (a publicity event, a grid visit or lead): the office it is recorded for
(or the village it was merged into), and the office of whoever recorded it (a township recording in a village's
name). Those may correct it; an office above may look, not rewrite."""

from hrss.core.models import Region


def is_recording_office(user, region_code, recorded_by=None):
    """Whether `user` works in the office of `region_code` (or in the village it was merged into), or in the office
    of `recorded_by`, who recorded it."""
    if user.region_id is None:
        return False
    if recorded_by is not None and recorded_by.region_id == user.region_id:
        return True
    office = Region.objects.filter(code=region_code).values_list("pk", "merged_into_id").first()
    return office is not None and user.region_id in office
