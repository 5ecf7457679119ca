"""Cases of the real 失业登记 chain (employment.chains) moved on chosen days: the frozen clock is moved to the day
of each move (a move's day is the day it is made), and back after the test."""

import datetime

import pytest

from hrss.core import review
from hrss.core.permissions import Role
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from tests.conftest import COUNTY, SHANGHAI, TOWNSHIP, VILLAGE

# October 2023: 国庆 and 中秋 from 29 September to 6 October, 7 and 8 October (a weekend) worked. A case reaching
# the township on Monday 25 September is due five working days later: 26, 27, 28 September, 7 and 8 October.
OPENED = datetime.date(2023, 9, 25)
DUE = datetime.date(2023, 10, 8)
MONTH = datetime.date(2023, 10, 1)


@pytest.fixture
def township_reviewer(make_user):
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def county_approver(make_user):
    return make_user("cara", COUNTY, Role.COUNTY_APPROVER)


def on(clock, day, hour=10):
    """Move the frozen clock to `day` at `hour` in Heyuan."""
    clock.move_to(datetime.datetime.combine(day, datetime.time(hour), tzinfo=SHANGHAI))


@pytest.fixture
def intake(clock, village_assistant):
    """A 失业登记 accepted at 下城社区 on `day` (it goes to the township's review)."""

    def make(day, title="失业登记：张三", region_code=VILLAGE, actor=None):
        on(clock, day)
        return review.open_case(chain=UNEMPLOYMENT_REGISTRATION, region_code=region_code, subject_id_number="",
                                title=title, actor=actor or village_assistant)

    return make


@pytest.fixture
def move(clock):
    """Make `action` on `case` as `actor` on `day`."""

    def make(case, actor, day, action="forward", reason=""):
        on(clock, day)
        case.refresh_from_db()
        return review.act(case=case, actor=actor, action=action, version=case.version, reason=reason)

    return make


def row_cells(page, testid):
    """The texts of the cells of the table row `testid` of a page, tags stripped."""
    import re

    row = page.split(f'data-testid="{testid}"')[1].split("</tr>")[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
