"""A campaign's values are checked (name, region's level, dates, whole-number targets of known measures, no
overlapping namesake), only its region's staff make or change it, and the changes are audited."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.assistance.campaigns import rules, services
from hrss.core.models import AuditEntry
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, PROVINCE, TODAY, VILLAGE

DAY = datetime.timedelta(days=1)


def make(actor, **changes):
    values = {"name": "春风行动", "region_code": COUNTY, "starts_on": TODAY, "ends_on": TODAY + 30 * DAY,
              "targets": {"visits": 50}, **changes}
    return services.create_campaign(actor=actor, **values)


@pytest.mark.parametrize(("changes", "reason"), [
    ({"name": " "}, "活动名称"),
    ({"ends_on": TODAY - DAY}, "结束日期不能早于"),
    ({"ends_on": TODAY + rules.MAX_DAYS * DAY}, "活动期限"),
    ({"targets": {"visits": -1}}, "整数"),
    ({"targets": {"visits": 1.5}}, "整数"),
    ({"targets": {"bananas": 1}}, "没有这些统计项"),
])
def test_bad_values_are_refused_with_the_reason(heyuan, county_officer, changes, reason):
    with pytest.raises(ValidationError, match=reason):
        make(county_officer, **changes)


def test_one_day_campaign_and_the_longest(heyuan, county_officer):
    assert make(county_officer, ends_on=TODAY).ends_on == TODAY
    longest = make(county_officer, name="就业援助月", ends_on=TODAY + (rules.MAX_DAYS - 1) * DAY)
    assert (longest.ends_on - longest.starts_on).days + 1 == rules.MAX_DAYS


def test_an_overlapping_namesake_is_refused_a_later_one_is_not(heyuan, county_officer):
    first = make(county_officer)
    with pytest.raises(ValidationError, match="重叠"):
        make(county_officer, starts_on=first.ends_on)
    assert make(county_officer, starts_on=first.ends_on + DAY, ends_on=first.ends_on + 5 * DAY)


def test_outside_the_region_is_refused_and_audited(heyuan, county_officer, neighbour_county_officer,
                                                   village_assistant):
    with pytest.raises(PermissionDenied):
        make(neighbour_county_officer)
    assert AuditEntry.objects.filter(actor=neighbour_county_officer, action="assistance.campaign.create",
                                     outcome=AuditEntry.Outcome.DENIED).exists()
    with pytest.raises(PermissionDenied):
        make(village_assistant)  # the county's campaign is above the village
    assert make(village_assistant, region_code=VILLAGE).region_code == VILLAGE
    with pytest.raises(PermissionDenied):
        make(county_officer, region_code=NEIGHBOUR_COUNTY)


def test_the_province_is_not_a_campaigns_region():
    problems = services.campaign_problems(name="春风行动", region_code=PROVINCE, starts_on=TODAY, ends_on=TODAY,
                                          targets={}, today=TODAY)
    assert any("活动区域" in problem for problem in problems)


def test_dates_and_targets_change_and_are_audited(heyuan, county_officer):
    campaign = make(county_officer)
    changed = services.update_campaign(actor=county_officer, campaign=campaign, name="春风行动",
                                       starts_on=TODAY - 5 * DAY, ends_on=TODAY + 40 * DAY,
                                       targets={"visits": 80, "placements": 3})
    assert changed.targets == {"visits": 80, "placements": 3} and changed.starts_on == TODAY - 5 * DAY
    entry = AuditEntry.objects.filter(action="assistance.campaign.updated").get()
    assert entry.before["campaign_targets"] == {"visits": 50}
