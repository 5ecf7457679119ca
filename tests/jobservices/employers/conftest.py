import pytest

from hrss.jobservices.codes import complete_uscc
from hrss.jobservices.employers import services
from tests.conftest import TODAY, VILLAGE

# A company registered by 源城区's authority (441602): the area part matches 下城社区's county.
USCC_HERE = complete_uscc("91441602MA4UX0010")


@pytest.fixture
def employer(heyuan, village_assistant):
    return services.register_employer(actor=village_assistant, name="下城优品超市", uscc=USCC_HERE,
                                      region_code=VILLAGE, industry_code="5212", contact_person="王经理")[0]


@pytest.fixture
def vacancy(employer, village_assistant):
    return services.add_vacancy(actor=village_assistant, employer=employer, title="收银员", occupation_code="4-01-02-04",
                                headcount=2, opens_on=TODAY, wage_min=2800, wage_max=3500, today=TODAY)
