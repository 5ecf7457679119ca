"""The demo: 源城区's campaign of this year with 下城社区's people of 60 and over in it (given a paying pension when the
benefits part made none), one certified by a visit, one by a relative's statement, the others reminded; once."""

import io

from hrss.core.permissions import Role
from hrss.pensions.certification import demo
from hrss.pensions.models import CertificationCampaign
from tests.conftest import COUNTY, TODAY, VILLAGE


def test_the_demo_campaign(make_user, person_in):
    make_user("yuancheng", COUNTY, Role.COUNTY_OFFICER)
    make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    for name in ("演示甲", "演示乙", "演示丙"):
        person_in(name)
    out = io.StringIO()
    demo.demo(out, {"people": True})
    assert "应认证3人" in out.getvalue()
    campaign = CertificationCampaign.objects.get()
    assert campaign.region_code == COUNTY and campaign.year == TODAY.year
    rows = {c.person.name: (c.state, c.method, c.reminded_on) for c in campaign.certifications.select_related("person")}
    assert sorted(state for state, _, _ in rows.values()) == ["certified", "certified", "due"]
    assert sorted(method for _, method, _ in rows.values()) == ["", "relative", "visit"]
    assert [reminded for state, _, reminded in rows.values() if state == "due"] == [TODAY]
    assert demo.generate() == 0
