"""The personas of labour inspection: 源城区's inspector and approver, the neighbouring county's inspector, and a
case of an employer in 下城社区 received, accepted or opened on the days a test gives."""

import datetime

import pytest

from hrss.core.permissions import Role
from hrss.supervision.inspection import services
from hrss.supervision.permissions import LABOUR_INSPECTOR
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, TODAY, VILLAGE

DAY = datetime.timedelta(days=1)


@pytest.fixture
def inspector(make_user):
    return make_user("ivan", COUNTY, LABOUR_INSPECTOR)


@pytest.fixture
def approver(make_user):
    return make_user("amy", COUNTY, Role.COUNTY_APPROVER)


@pytest.fixture
def neighbour_inspector(make_user):
    return make_user("zina", NEIGHBOUR_COUNTY, LABOUR_INSPECTOR)


def receive(inspector, *, received_on=None, today=None, region_code=VILLAGE, **changes):
    received_on = received_on or TODAY
    values = {"source": "complaint", "employer_name": "河源市某制衣厂", "summary": "拖欠2个月工资",
              "complainant_name": "黄阿姨", "complainant_phone": "13800000009", **changes}
    return services.receive_complaint(actor=inspector, region_code=region_code, received_on=received_on,
                                      today=today or received_on, **values)


def opened(inspector, *, on=None, today=None, **changes):
    """A case received, accepted and opened on `on` (TODAY by default)."""
    on = on or TODAY
    case = receive(inspector, received_on=on, today=today or on, **changes)
    services.accept_case(actor=inspector, case=case, on=on, today=today or on)
    return services.open_case(actor=inspector, case=case, on=on, today=today or on)
