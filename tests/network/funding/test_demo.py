"""hrss demo's funding data: 源城区 and 紫金县 each with the province's subsidy, the county's match, a disbursement and a
filed plan; 紫金县's match (20%) shows the warning, 源城区's (30%) does not. Made once."""

import pytest

from hrss.accounts.demo import create_demo_users
from hrss.network.funding import demo
from hrss.network.models import FundAllocation, FundDisbursement, ImplementationPlan, PlanState
from tests.conftest import login

pytestmark = pytest.mark.django_db


def test_the_demo_makes_both_counties_funds_once(heyuan, client):
    create_demo_users()
    assert demo.generate() == 2
    assert demo.generate() == 0
    assert FundAllocation.objects.count() == 4 and FundDisbursement.objects.count() == 2
    assert set(ImplementationPlan.objects.values_list("region_code", "state")) == {
        ("441602000000", PlanState.FILED), ("441621000000", PlanState.FILED)}
    from hrss.accounts.models import User

    login(client, User.objects.get(username="city"))
    zijin = client.get("/network/funds/", {"region": "441621000000"}).content.decode()
    assert 'data-testid="funding-match-warning"' in zijin and "20.0%" in zijin
    yuancheng = client.get("/network/funds/", {"region": "441602000000"}).content.decode()
    assert 'data-testid="funding-match-warning"' not in yuancheng and "已备案" in yuancheng
