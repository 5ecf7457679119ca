import datetime

import pytest

from hrss.core.models import Level, Region
from hrss.core.permissions import Role
from hrss.supervision.petitions import services
from tests.conftest import COUNTY, TOWNSHIP, VILLAGE


@pytest.fixture
def township_reviewer(make_user):
    """上城街道's 审核员: the township office's leader, who approves (and records) an extension."""
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def county_approver(make_user):
    return make_user("cara", COUNTY, Role.COUNTY_APPROVER)


def d(text):
    return datetime.date.fromisoformat(text)


WAGES = {"channel": "visit", "category": "wages", "petitioner_name": "张三", "petitioner_phone": "13800000002",
         "subject": "某制衣厂拖欠2个月工资", "summary": "2个月工资共8600元未发。", "employer_name": "河源市某制衣厂",
         "amount_claimed": "8600.00"}


def make_petition(actor, *, received_on, office=VILLAGE, today=None, **changes):
    """A petition recorded by `actor` at `office` (下城社区 by default), received on `received_on`."""
    values = {**WAGES, **changes}
    return services.intake(actor=actor, office=Region.objects.get(code=office), received_on=received_on,
                           today=today or received_on, **values)


def at_township(assistant, *, received_on, **changes):
    """A petition recorded at 下城社区 and carried up to 上城街道 the same day."""
    petition = make_petition(assistant, received_on=received_on, **changes)
    return services.forward_up(actor=assistant, petition=petition, level=Level.TOWNSHIP, today=received_on)


def accepted(assistant, officer, *, received_on, accepted_on, **changes):
    petition = at_township(assistant, received_on=received_on, **changes)
    return services.decide(actor=officer, petition=petition, decision="accept", decided_on=accepted_on,
                           today=accepted_on)


def replied(assistant, officer, *, received_on, accepted_on, replied_on, **changes):
    petition = accepted(assistant, officer, received_on=received_on, accepted_on=accepted_on, **changes)
    return services.reply(actor=officer, petition=petition, text="经调解，单位已于当日支付拖欠工资8600元。",
                          replied_on=replied_on, today=replied_on)
