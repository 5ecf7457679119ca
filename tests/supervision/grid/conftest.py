import pytest

from hrss.core.credit_codes import complete_uscc
from hrss.core.models import Region
from hrss.supervision.grid import services
from tests.conftest import VILLAGE

USCC = complete_uscc("91441602MA4X00001")  # a valid 统一社会信用代码 of a 源城区 company


def region(code):
    return Region.objects.get(code=code)


def report(actor, code=VILLAGE, **changes):
    values = {"employer_name": "河源市某建材经营部", "kind": "wages", "description": "装卸工两个月未发工资",
              "workers_affected": 6, "employer_uscc": USCC, **changes}
    return services.report_lead(actor=actor, region=region(code), **values)


@pytest.fixture
def lead(heyuan, village_assistant):
    return report(village_assistant)
