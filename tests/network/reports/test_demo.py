"""hrss demo's reports: 上城街道's last month approved and locked, one late, and the other townships missing."""

import io

import pytest

from hrss.accounts.demo import create_demo_users
from hrss.network.models import MonthlyReport
from hrss.network.reports import demo, rules, selectors
from tests.conftest import COUNTY, TOWNSHIP

pytestmark = pytest.mark.django_db


def test_the_demo_makes_a_locked_and_a_late_report(heyuan):
    create_demo_users()
    lines = demo.demo(io.StringIO(), {"people": 1})
    assert any("xinjiang" in line for line in lines)
    assert MonthlyReport.objects.get(region_code=TOWNSHIP).state == MonthlyReport.State.APPROVED
    late = MonthlyReport.objects.get(region_code=demo.DONGPU)
    deadline = rules.deadline_of(late.month)
    assert late.first_submitted_on > deadline
    rows = {row.region.code: row for row in selectors.completeness(heyuan[COUNTY], late.month)}
    assert rows[demo.DONGPU].late and not rows[demo.DONGPU].on_time
    assert demo.generate() == 0  # once only
