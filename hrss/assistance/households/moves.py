"""An open 零就业家庭 case follows its household: when the ledger moves a household (residents.move_person moves a
household with its head) the village the household now lives in handles the case, with its assistance records, so
its assistant sees it and acts on it, and the old village no longer does. A member who moves alone leaves the
household (and its case) where it is. Closed cases (cleared, dismissed) stay where they were handled, like every
ledger entry of the past."""

from hrss.assistance.models import HouseholdAssistance, ZeroEmploymentHousehold
from hrss.assistance.models.households import OPEN_STATUSES
from hrss.residents.models import Household


def follow_household(person, from_code, to_code):
    """A step of residents.move_person, inside its transaction (the mover was checked there)."""
    if not person.household_id:
        return
    where = Household.objects.filter(pk=person.household_id).values_list("region_code", flat=True).first()
    if where is None:
        return
    open_ones = ZeroEmploymentHousehold.objects.filter(household_id=person.household_id, status__in=OPEN_STATUSES
                                                       ).exclude(region_code=where)
    HouseholdAssistance.objects.filter(case__in=open_ones).update(region_code=where)
    open_ones.update(region_code=where)
