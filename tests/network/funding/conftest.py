import pytest

from hrss.core.permissions import Role
from tests.conftest import COUNTY, TOWNSHIP


@pytest.fixture
def county_approver(make_user):
    return make_user("cora", COUNTY, Role.COUNTY_APPROVER)


@pytest.fixture
def township(heyuan):
    return heyuan[TOWNSHIP]
