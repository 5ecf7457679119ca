"""Starting a campaign: a county or the city (its staff) makes every pension paying and every retiree managed in it
due, writing no certification row (the same work for any number of pensioners): the figures count them as 待认证
and the village's list gives them their rows; one campaign a region a year (nor a county's and the city's of the
same year)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hrss.core.models import Region
from hrss.pensions.certification import selectors, services
from hrss.pensions.models import (
    Certification,
    CertificationCampaign,
    CertificationState,
    Pension,
    PensionState,
    RetireeState,
)
from tests.conftest import CITY, COUNTY, NEIGHBOUR_COUNTY_VILLAGE, TOWNSHIP, VILLAGE

from .conftest import CLOSES, OPENS, STARTED, YEAR


def test_every_paying_pension_and_managed_retiree_of_the_county_is_due(pensioner, retiree, start, county_officer,
                                                                        heyuan):
    paying, other = pensioner("王大爷"), pensioner("赵大娘")
    Pension.objects.filter(pk=other.pk).update(state=PensionState.STOPPED)
    managed = retiree("陈国强")
    retiree("黄志明", state=RetireeState.NOT_MANAGED)
    pensioner("紫金老人", village=NEIGHBOUR_COUNTY_VILLAGE)
    campaign = start()
    assert not Certification.objects.exists()  # nothing written a subject
    county_figures = selectors.campaign_figures(county_officer, campaign, heyuan[COUNTY])[2]
    assert (county_figures.due, county_figures.waiting, county_figures.done) == (2, 2, 0)
    assert selectors.subjects_seen(county_officer, campaign) == 2
    services.ensure_rows(campaign, heyuan[VILLAGE])  # the village's list opened
    due = {(c.pension_id, c.retiree_id, c.state, c.region_code) for c in campaign.certifications.all()}
    assert due == {(paying.pk, None, CertificationState.DUE, paying.region_code),
                   (None, managed.pk, CertificationState.DUE, managed.region_code)}
    assert selectors.campaign_figures(county_officer, campaign, heyuan[COUNTY])[2] == county_figures


def test_the_start_writes_no_row_and_does_the_same_work_for_any_number(pensioner, start, county_officer):
    for index in range(12):
        pensioner(f"老人{index}")
    with CaptureQueriesContext(connection) as twelve:
        campaign = start()
    assert not Certification.objects.exists()
    assert selectors.subjects_seen(county_officer, campaign) == 12
    for index in range(12, 40):
        pensioner(f"老人{index}")
    with CaptureQueriesContext(connection) as forty:
        following = start(year=YEAR + 1, opens_on=OPENS.replace(year=YEAR + 1),
                          closes_on=CLOSES.replace(year=YEAR + 1))
    # The same statements for 12 and 40 (the second run finds the actor's roles loaded): none reads a subject.
    assert len(forty.captured_queries) <= len(twelve.captured_queries) <= 12
    for query in twelve.captured_queries + forty.captured_queries:
        assert '"pensions_pension"' not in query["sql"] and '"pensions_retiree"' not in query["sql"]
    assert not Certification.objects.exists()
    assert selectors.subjects_seen(county_officer, following) == 40


def test_one_campaign_a_region_a_year(pensioner, start, city_admin):
    pensioner("王大爷")
    start()
    with pytest.raises(ValidationError, match=f"已有{YEAR}年度的认证活动"):
        start()
    with pytest.raises(ValidationError, match=f"已有{YEAR}年度的认证活动") as refused:
        start(actor=city_admin, region=Region.objects.get(code=CITY))
    # The city is told where it may still start one: the other five counties, by name.
    assert f"请改为逐个县(区)启动：尚未组织{YEAR}年度认证的有紫金县、龙川县、连平县、和平县、东源县。" in refused.value.messages
    following = start(year=YEAR + 1, opens_on=OPENS.replace(year=YEAR + 1), closes_on=CLOSES.replace(year=YEAR + 1))
    assert selectors.subjects_seen(city_admin, following) == 1


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
