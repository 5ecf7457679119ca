import pytest

from hrss.core.permissions import Role
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import COUNTY, TOWNSHIP, VILLAGE
from tests.residents.factories import make_id_number


@pytest.fixture
def county_approver(make_user):
    return make_user("cara", COUNTY, Role.COUNTY_APPROVER)


@pytest.fixture
def township_reviewer(make_user):
    """The 审核员 of 上城街道: the township's step of the 失业登记 chain is hers (tina, the 经办员, does other work)."""
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def person_born(heyuan, village_assistant):
    """A resident of 下城社区 born on the given day (odd sequence: a man), entered in the ledger today."""

    def make(birth, sex_sequence=11, status=LabourStatus.FARMING, name="张三"):
        return residents_services.register_person(
            actor=village_assistant, id_number=make_id_number(birth=birth, sequence=sex_sequence), name=name,
            village=heyuan[VILLAGE], status=status)[0]

    return make
