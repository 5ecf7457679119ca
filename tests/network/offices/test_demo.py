"""hrss demo's offices: 上城街道, 下城社区, 公园社区 and 紫城镇 with gaps, so the pages show failing and unknown rules."""

from hrss.core.permissions import Role
from hrss.network.models import Office, OfficeStanding
from hrss.network.offices import demo
from tests.conftest import NEIGHBOUR_COUNTY, TOWNSHIP, VILLAGE


def test_the_demo_makes_offices_with_failing_and_unknown_rules(heyuan, make_user):
    make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    make_user("shangcheng", TOWNSHIP, Role.TOWNSHIP_OFFICER)
    make_user("zijin", NEIGHBOUR_COUNTY, Role.COUNTY_OFFICER)
    assert demo.generate() == 4
    assert set(Office.objects.values_list("region_code", flat=True)) == {
        TOWNSHIP, VILLAGE, demo.PARK, demo.ZICHENG}
    township = OfficeStanding.objects.get(office__region_code=TOWNSHIP)
    assert "windows" in township.failing_rules and "rules_on_wall" in township.failing_rules
    village = OfficeStanding.objects.get(office__region_code=VILLAGE)
    assert {"part_time_pay", "equipment"} <= set(village.failing_rules) and "sign" in village.unknown_rules
    assert OfficeStanding.objects.get(office__region_code=demo.ZICHENG).unknown > 0
    assert demo.generate() == 0  # once
