"""hrss demo's 零就业家庭 in 下城社区: one past its 30 days, one cleared by the township's comparison, one waiting for
the village's check; run twice, nothing more."""

from hrss.accounts.demo import create_demo_users
from hrss.assistance.households import demo, rules
from hrss.assistance.models import ZeroEmploymentHousehold
from tests.conftest import TODAY


def test_the_demo_households(heyuan):
    create_demo_users()
    assert demo.generate_households() >= 3
    cases = ZeroEmploymentHousehold.objects.filter(region_code=demo.DEMO_VILLAGE)
    statuses = sorted(cases.values_list("status", flat=True))
    assert statuses == ["cleared", "found", "verified"]
    helped = cases.get(status="verified")
    assert rules.is_overdue(helped.found_on, TODAY) and helped.records.exists()
    assert cases.get(status="cleared").days_to_clear == 9
    assert demo.generate_households() == 0
    assert cases.count() == 3
