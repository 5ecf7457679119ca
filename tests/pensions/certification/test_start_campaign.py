"""Starting a campaign: a county or the city (its staff) lists every pension paying and every retiree managed in it
as due, with no query a subject; one campaign a region a year (nor a county's and the city's of the same year)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import Region
from hrss.pensions.certification import services
from hrss.pensions.models import (
    CertificationCampaign,
    CertificationState,
    Pension,
    PensionState,
    RetireeState,
)
from tests.conftest import CITY, NEIGHBOUR_COUNTY_VILLAGE, TOWNSHIP

from .conftest import CLOSES, OPENS, STARTED, YEAR


def test_every_paying_pension_and_managed_retiree_of_the_county_is_due(pensioner, retiree, start):
    paying, other = pensioner("王大爷"), pensioner("赵大娘")
    Pension.objects.filter(pk=other.pk).update(state=PensionState.STOPPED)
    managed = retiree("陈国强")
    retiree("黄志明", state=RetireeState.NOT_MANAGED)
    pensioner("紫金老人", village=NEIGHBOUR_COUNTY_VILLAGE)
    campaign = start()
    due = {(c.pension_id, c.retiree_id, c.state, c.region_code) for c in campaign.certifications.all()}
    assert due == {(paying.pk, None, CertificationState.DUE, paying.region_code),
                   (None, managed.pk, CertificationState.DUE, managed.region_code)}
    assert campaign.subjects == 2
    assert CertificationCampaign.objects.get().subjects == 2


def test_no_query_a_subject(pensioner, start, django_assert_max_num_queries):
    for index in range(12):
        pensioner(f"老人{index}")
    with django_assert_max_num_queries(30):
        campaign = start()
    assert campaign.subjects == 12


def test_one_campaign_a_region_a_year(pensioner, start, city_admin):
    pensioner("王大爷")
    start()
    with pytest.raises(ValidationError, match=f"已有{YEAR}年度的认证活动"):
        start()
    with pytest.raises(ValidationError, match=f"已有{YEAR}年度的认证活动"):
        start(actor=city_admin, region=Region.objects.get(code=CITY))
    following = start(year=YEAR + 1, opens_on=OPENS.replace(year=YEAR + 1), closes_on=CLOSES.replace(year=YEAR + 1))
    assert following.subjects == 1


def test_only_a_county_or_the_city_runs_one(heyuan, start, township_officer, village_assistant):
    with pytest.raises(ValidationError, match="由市或县\\(区\\)组织"):
        start(region=Region.objects.get(code=TOWNSHIP), actor=township_officer)
    with pytest.raises(PermissionDenied):
        start(actor=village_assistant)
    assert not CertificationCampaign.objects.exists()


@pytest.mark.parametrize(("opens_on", "closes_on", "message"), [
    (OPENS, OPENS - STARTED + OPENS, None),
    (OPENS, OPENS - (OPENS - STARTED) - STARTED.resolution, "截止日期不能早于开始日期"),
])
def test_the_window(heyuan, start, opens_on, closes_on, message):
    if message is None:
        assert start(opens_on=opens_on, closes_on=closes_on).closes_on == closes_on
    else:
        with pytest.raises(ValidationError, match=message):
            start(opens_on=opens_on, closes_on=closes_on)


def test_a_window_already_over_is_refused(heyuan, start):
    with pytest.raises(ValidationError, match="已过"):
        start(today=CLOSES + CLOSES.resolution)
    assert start(today=CLOSES).closes_on == CLOSES


def test_the_year_is_the_window_s(heyuan, start):
    with pytest.raises(ValidationError, match=f"应在{YEAR + 1}年内"):
        start(year=YEAR + 1)
    assert not services.campaign_problems(region=Region.objects.get(code=CITY), year=YEAR, opens_on=OPENS,
                                          closes_on=CLOSES, today=STARTED)
