"""Cases of the real 失业登记 chain (hrss/employment/chains.py) opened and decided at chosen instants, so the
promise is measured on what core.review wrote (opened_at, closed_at), not on rows typed in by hand."""

import datetime
import zoneinfo

import pytest

from hrss.core import review
from hrss.core.models import ReviewDecision
from hrss.core.permissions import Role
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from tests.conftest import COUNTY, TOWNSHIP, VILLAGE, frozen_now
from tests.residents.factories import make_id_number

Action = ReviewDecision.Action
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def township_reviewer(make_user):
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def county_approver(make_user):
    return make_user("cara", COUNTY, Role.COUNTY_APPROVER)


def at(day, hour=10):
    """An instant of `day` in Heyuan."""
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=SHANGHAI)


@pytest.fixture
def unemployment_case(clock, heyuan, village_assistant, township_reviewer, county_officer, county_approver):
    """make(opened_on, closed_on=None, *, outcome="approve"|"reject"|"withdraw", name, region_code): a 失业登记 case of
    下城社区 opened on `opened_on` and, when `closed_on` is given, decided then; the clock is put back at once."""
    made = []

    def make(opened_on, closed_on=None, *, outcome="approve", name="张三", region_code=VILLAGE, sequence=None):
        clock.move_to(at(opened_on))
        case = review.open_case(chain=UNEMPLOYMENT_REGISTRATION, region_code=region_code,
                                subject_id_number=make_id_number(sequence=sequence or 11 + 2 * len(made)),
                                title=f"{name} 失业登记", actor=village_assistant, today=opened_on)
        if closed_on is not None:
            clock.move_to(at(closed_on, 16))
            if outcome == "withdraw":
                case = review.act(case=case, actor=village_assistant, action=Action.WITHDRAW, version=case.version,
                                  reason="申请人撤回", today=closed_on)
            elif outcome == "reject":
                case = review.act(case=case, actor=township_reviewer, action=Action.REJECT, version=case.version,
                                  reason="已在外地登记失业", today=closed_on)
            else:
                for actor in (township_reviewer, county_officer):
                    case = review.act(case=case, actor=actor, action=Action.FORWARD, version=case.version,
                                      today=closed_on)
                case = review.act(case=case, actor=county_approver, action=Action.APPROVE, version=case.version,
                                  today=closed_on)
        clock.move_to(frozen_now())  # back to the suite's instant for what the test does next
        made.append(case)
        return case

    return make


def past_2025(clock, settings):
    """Move the frozen clock to a day from which the months of 2025 these tests ask about have begun (the suite also
    runs at 2024-02-29, when a page refuses a month not begun yet); never back before the usual day. The test users'
    passwords, set on the usual day, are not made to expire by the move."""
    settings.HRSS_PASSWORD_MAX_AGE_DAYS = 0
    clock.move_to(at(max(frozen_now().date(), datetime.date(2025, 6, 2))))
