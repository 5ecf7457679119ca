"""A standing retiree record follows its person within the city: when the ledger moves a person to another village
of the same city (residents.move_person), the record (managed or not yet) and its visits are held by the village the
person now lives in, which sees and serves them; the old one gets 404. A move out of the city leaves the record
where it is, for the old village to close with 迁出 (services.move_out). Closed records (died, moved out) and the
activities of the old village stay where they were."""

from hrss.core import scoping
from hrss.core.models import Level
from hrss.pensions.models import Retiree, RetireeVisit
from hrss.pensions.models.retirees import STANDING_STATES


def follow_person(person, from_code, to_code):
    """A step of residents.move_person, inside its transaction (the mover was checked there)."""
    if scoping.ancestor_code(from_code, Level.CITY) != scoping.ancestor_code(to_code, Level.CITY):
        return
    ids = list(Retiree.objects.filter(person=person, state__in=STANDING_STATES, region_code=from_code)
               .values_list("pk", flat=True))
    if not ids:
        return
    RetireeVisit.objects.filter(retiree_id__in=ids, region_code=from_code).update(region_code=to_code)
    Retiree.objects.filter(pk__in=ids).update(region_code=to_code)
