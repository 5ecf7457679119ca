import datetime

import pytest

from hrss.assistance.community import rules
from hrss.core.permissions import Role
from hrss.residents import services as residents_services
from tests.conftest import TODAY, VILLAGE
from tests.residents.factories import make_id_number

LAST_YEAR = TODAY.year - 1
RURAL = "441602003200"  # 高塘村村民委员会: not an urban community


def manual_checks(year, met=True):
    """Every hand-checked criterion of `year` met (or not), each with a note; the computed ones with a note too,
    for a criterion the data cannot compute."""
    return {criterion.code: ({"met": met, "note": "已核实"} if criterion.kind == rules.MANUAL else {"note": "已人工核实"})
            for criterion in rules.criteria_for(year)}


@pytest.fixture
def county_approver(make_user):
    return make_user("cora", "441602000000", Role.COUNTY_APPROVER)


@pytest.fixture
def resident(heyuan, city_admin):
    sequence = iter(range(11, 1999, 2))

    def make(name, status, since=None, village=VILLAGE):
        return residents_services.register_person(
            actor=city_admin, id_number=make_id_number(birth=datetime.date(TODAY.year - 36, 5, 1),
                                                       sequence=next(sequence)),
            name=name, village=heyuan[village], status=status,
            status_since=since or datetime.date(TODAY.year - 2, 1, 1))[0]

    return make
