import datetime
import itertools

import pytest

from hrss.core.models import Region
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import LabourStatus, Relation
from tests.conftest import TODAY, VILLAGE

RURAL = "441602003200"  # 高塘村村民委员会 (东埔街道, 源城区): a village committee, so rural
SINCE = TODAY - datetime.timedelta(days=300)  # when the family's members became unemployed


@pytest.fixture
def family(heyuan, city_admin):
    """family(village, names) -> [head, spouse]: a couple of working age, both unemployed since SINCE."""
    serials = itertools.count(101, 4)

    def make(village=VILLAGE, names=("郑甲", "郑乙"), status=LabourStatus.UNEMPLOYED):
        serial = next(serials)
        area = village[:6]
        head_number = id_number_for(area, datetime.date(TODAY.year - 45, 3, 1), serial)
        head = residents_services.register_person(
            actor=city_admin, id_number=head_number, name=names[0], village=Region.objects.get(code=village),
            status=status, status_since=SINCE, relation_to_head=Relation.HEAD)[0]
        spouse = residents_services.register_person(
            actor=city_admin, id_number=id_number_for(area, datetime.date(TODAY.year - 43, 7, 9), serial + 1),
            name=names[1], village=Region.objects.get(code=village), status=LabourStatus.UNEMPLOYED,
            status_since=SINCE, relation_to_head=Relation.SPOUSE, head_id_number=head_number)[0]
        return [head, spouse]

    return make


def starts_work(actor, person, day, status=LabourStatus.EMPLOYED):
    residents_services.record_status_change(actor=actor, person=person, status=status, effective_date=day)
    person.refresh_from_db()
    return person
