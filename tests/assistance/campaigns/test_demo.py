"""hrss demo: 源城区's campaign of this year, with targets; run twice, nothing more."""

from hrss.assistance.campaigns import demo
from hrss.assistance.models import Campaign
from hrss.core.permissions import Role
from tests.conftest import COUNTY, TODAY


def test_the_demo_campaign_of_this_year(heyuan, make_user):
    make_user("yuancheng", COUNTY, Role.COUNTY_OFFICER)
    assert demo.generate() == 1
    campaign = Campaign.objects.get()
    assert campaign.region_code == COUNTY and campaign.starts_on.year == TODAY.year and campaign.targets
    assert demo.generate() == 0
