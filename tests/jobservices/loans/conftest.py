import datetime

import pytest

from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.jobservices.permissions import BANK_OFFICER, GUARANTEE_OFFICER
from hrss.residents import services as residents_services
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, TODAY, TOWNSHIP, VILLAGE

MAN_1990 = "441602199001011238"


@pytest.fixture
def township_reviewer(make_user):
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def guarantee_officer(make_user):
    return make_user("gina", COUNTY, GUARANTEE_OFFICER)


@pytest.fixture
def bank_officer(make_user):
    return make_user("bert", COUNTY, BANK_OFFICER)


@pytest.fixture
def neighbour_bank_officer(make_user):
    return make_user("zbank", NEIGHBOUR_COUNTY, BANK_OFFICER)


@pytest.fixture
def applicant(heyuan, village_assistant):
    person, _ = residents_services.register_person(
        actor=village_assistant, id_number=MAN_1990, name="王创业", village=Region.objects.get(code=VILLAGE),
        status="unemployed", status_since=TODAY - datetime.timedelta(days=165), wants_business=True)
    return person
