import datetime

import pytest

from hrss.core.dates import years_before
from hrss.core.models import Region
from hrss.pensions.enrolment import services
from hrss.pensions.schemes import rules
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import TODAY, VILLAGE

EVERY = [code for code, _name in rules.documents_on(TODAY)]  # id_card, hukou, form


def make_person(actor, *, name="陈桂英", age=40, day=TODAY, status="farming", hukou="agricultural", serial=220,
                village=VILLAGE, birth=None):
    """A person of the village who is `age` on `day` (or born on `birth`)."""
    birth = birth or years_before(day, age) - datetime.timedelta(days=1)
    number = id_number_for("441602", birth, serial)
    return residents_services.register_person(
        actor=actor, id_number=number, name=name, village=Region.objects.get(code=village), status=status,
        hukou_type=hukou, today=max(day, birth + datetime.timedelta(days=1)))[0]


def enrol(actor, person, *, tier=None, documents=EVERY, today=TODAY, **more):
    tier = tier if tier is not None else rules.tier_amounts(person.region_code, today)[0]
    return services.enrol(actor=actor, person=person, tier=tier, documents=documents, today=today, **more)


@pytest.fixture
def resident(heyuan, village_assistant):
    return make_person(village_assistant)


@pytest.fixture
def enrolled(resident, village_assistant):
    return enrol(village_assistant, resident)
