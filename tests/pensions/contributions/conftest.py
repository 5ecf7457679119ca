import datetime

import pytest

from hrss.core import dates
from hrss.core.models import Region
from hrss.core.scoping import county_code_of
from hrss.pensions.contributions.demo import enrol_directly, payment_csv
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import TODAY, VILLAGE


@pytest.fixture
def make_person(heyuan, village_assistant):
    def make(name="李缴费", *, age=40, serial=301, code=VILLAGE, birth=None, enrol=True):
        birth = birth or dates.years_before(TODAY, age) - datetime.timedelta(days=40)
        number = id_number_for(county_code_of(code), birth, serial)
        person = residents_services.register_person(
            actor=village_assistant if code == VILLAGE else None, id_number=number, name=name,
            village=Region.objects.get(code=code),
            status="farming", status_since=dates.years_before(TODAY, 5))[0]
        if enrol:
            enrol_directly(person=person, actor=village_assistant, enrolled_on=datetime.date(2015, 1, 5))
        return person

    return make


@pytest.fixture
def payer(make_person):
    return make_person()


@pytest.fixture
def csv_file(tmp_path):
    def make(rows):
        return payment_csv(rows, folder=tmp_path)

    return make
