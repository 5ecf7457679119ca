import datetime

import pytest

from hrss.core.permissions import Role
from hrss.jobservices.training import services
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE
from tests.residents.factories import make_id_number

COOK = "4-03-02-01"  # 中式烹调师
RURAL_VILLAGE = "441602003200"  # 高塘村 (村委会), 东埔街道, 源城区
RURAL_TOWNSHIP = "441602003000"  # 东埔街道


@pytest.fixture
def county_approver(make_user):
    return make_user("cara", COUNTY, Role.COUNTY_APPROVER)


@pytest.fixture
def second_county_officer(make_user):
    return make_user("cody", COUNTY, Role.COUNTY_OFFICER)


@pytest.fixture
def resident(heyuan, village_assistant):
    """A working-age resident of 下城社区 (a man unless `sequence` is even)."""
    counter = iter(range(11, 999, 2))

    def make(name="张三", birth=datetime.date(1985, 5, 5), status=LabourStatus.UNEMPLOYED, village=VILLAGE,
             actor=None, **fields):
        return residents_services.register_person(
            actor=actor or village_assistant, id_number=make_id_number(birth=birth, sequence=next(counter)),
            name=name, village=heyuan[village], status=status, **fields)[0]

    return make


@pytest.fixture
def person(resident):
    return resident()


@pytest.fixture
def make_course(heyuan, county_officer):
    """A free skills course (中式烹调师) of 上城街道 run by the county's officer, from TODAY for a month."""

    def make(**fields):
        values = {"name": "中式烹调师培训班", "provider_name": "河源市某职业培训学校", "kind": "skills",
                  "occupation_code": COOK, "region_code": TOWNSHIP, "starts_on": TODAY,
                  "ends_on": TODAY + datetime.timedelta(days=30), "hours": 60, "places": 20, "free": True, "fee": 0}
        values.update(fields)
        return services.create_course(actor=fields.pop("actor", county_officer), **{
            key: value for key, value in values.items() if key != "actor"})

    return make


@pytest.fixture
def ended_course(make_course):
    """A course that ended yesterday, started 30 days before."""
    return make_course(starts_on=TODAY - datetime.timedelta(days=31), ends_on=TODAY - datetime.timedelta(days=1))
