import datetime

import pytest

from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY, VILLAGE
from tests.residents.factories import make_id_number


@pytest.fixture
def resident(heyuan, city_admin):
    sequence = iter(range(11, 1999, 2))

    def make(name, village=VILLAGE):
        return residents_services.register_person(
            actor=city_admin, id_number=make_id_number(birth=datetime.date(TODAY.year - 45, 5, 1),
                                                       sequence=next(sequence)),
            name=name, village=heyuan[village], status=LabourStatus.UNEMPLOYED,
            status_since=datetime.date(TODAY.year - 2, 1, 1))[0]

    return make
