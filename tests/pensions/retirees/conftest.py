import datetime
from decimal import Decimal

import pytest

from hrss.core.models import Region
from hrss.pensions.retirees import services
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE

_serials = iter(range(401, 999, 2))


def make_person(actor, name, *, birth=None, village=VILLAGE, status="other"):
    birth = birth or datetime.date(TODAY.year - 70, 3, 1)
    return residents_services.register_person(
        actor=actor, id_number=id_number_for(village[:6], birth, next(_serials)), name=name,
        village=Region.objects.get(code=village), status=status,
        status_since=datetime.date(TODAY.year - 30, 1, 1))[0]


def make_retiree(actor, name="王退休", *, birth=None, village=VILLAGE, managed=False, **changes):
    person = make_person(actor, name, birth=birth, village=village)
    retired_on = changes.pop("retired_on", datetime.date(TODAY.year - 8, 6, 30))
    retiree = services.register(actor=actor, person=person, employer_name="河源市纺织厂", employer_code="",
                                retired_on=retired_on, pension_amount=Decimal("3000.00"), phone="")
    if managed:
        retiree = services.receive_files(actor=actor, retiree=retiree, on=retired_on + datetime.timedelta(days=30))
    return retiree


def days(n):
    return datetime.timedelta(days=n)


@pytest.fixture
def retiree(heyuan, village_assistant):
    return make_retiree(village_assistant)


@pytest.fixture
def neighbour_retiree(heyuan, neighbour_village_assistant):
    return make_retiree(neighbour_village_assistant, "邻村退休", village=NEIGHBOUR_VILLAGE)
