import datetime

import pytest

from hrss.core import scoping
from hrss.core.models import Region
from hrss.pensions.cards import services
from hrss.pensions.cards.demo import sample_photo
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TODAY, VILLAGE

DAY = datetime.timedelta(days=1)


def register(actor, name, village=VILLAGE, serial=21, birth=None):
    birth = birth or datetime.date(TODAY.year - 40, 5, 1)
    person, _ = residents_services.register_person(
        actor=actor, id_number=id_number_for(scoping.county_code_of(village), birth, serial), name=name,
        village=Region.objects.get(code=village), status="unemployed", status_since=TODAY - 300 * DAY)
    return person


def apply(actor, person, today=TODAY, **kwargs):
    return services.apply(actor=actor, person=person, photo=kwargs.pop("photo", sample_photo()),
                          id_seen=kwargs.pop("id_seen", True), today=today, **kwargs)


def to_arrival(person, village_assistant, county_officer, number="B00000001"):
    """An application of `person` taken to 已到达网点: applied 30 days ago, batched 25, made 20, arrived 15."""
    application = apply(village_assistant, person, today=TODAY - 30 * DAY)
    batch = services.make_batch(actor=county_officer, county_code=COUNTY, today=TODAY - 25 * DAY)
    services.record_made(actor=county_officer, batch=batch, numbers={application.pk: number}, today=TODAY - 20 * DAY)
    services.record_arrival(actor=county_officer, batch=batch, on=TODAY - 15 * DAY, today=TODAY - 15 * DAY)
    application.refresh_from_db()
    return application


@pytest.fixture
def person(heyuan, village_assistant):
    return register(village_assistant, "赵领卡")


@pytest.fixture
def neighbour_person(heyuan, neighbour_village_assistant):
    return register(neighbour_village_assistant, "钱邻居", village=NEIGHBOUR_VILLAGE, serial=23)


@pytest.fixture
def arrived(person, village_assistant, county_officer):
    return to_arrival(person, village_assistant, county_officer)
