"""A slip lists the checklist in force on the day it is given: 就业困难人员认定's list follows its categories, and
粤人社规〔2023〕11号 (from 2023-07-01, [believed] date) added 刑满释放人员, whose proof could not be asked for the day
before. A slip already given keeps what it said."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.recognition.categories import GD_2023_FROM
from hrss.core import catalogue
from hrss.supervision.promises import services
from tests.conftest import VILLAGE

CODE = "assistance/recognition"
PROOF = "刑满释放证明"


def test_the_checklist_of_the_day_decides_what_a_slip_may_list(heyuan, village_assistant):
    service = catalogue.service(CODE)
    before = GD_2023_FROM - datetime.timedelta(days=1)
    assert PROOF not in [document.name for document in service.documents_on(before)]
    with pytest.raises(ValidationError, match="不在该事项今天的材料清单中"):
        services.give_notice_slip(actor=village_assistant, region=heyuan[VILLAGE], service_code=CODE,
                                  citizen_name="张三", missing=[PROOF], today=before)
    slip = services.give_notice_slip(actor=village_assistant, region=heyuan[VILLAGE], service_code=CODE,
                                     citizen_name="张三", missing=[PROOF, "户口簿"], today=GD_2023_FROM)
    assert slip.missing == ["户口簿", PROOF] and slip.given_on == GD_2023_FROM
