"""A campaign's dates lie between the first campaign known here (rules.FIRST_DAY) and a year after today: 1900 or
2099 is a typing error, refused in Chinese on the page, the API and the service alike."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.campaigns import rules, services
from hrss.assistance.models import Campaign
from hrss.core.dates import add_months
from tests.assistance.community.test_pages_and_api import token
from tests.conftest import COUNTY, TODAY

DAY = datetime.timedelta(days=1)


def make(actor, starts_on, ends_on, name="春风行动"):
    return services.create_campaign(actor=actor, name=name, region_code=COUNTY, starts_on=starts_on, ends_on=ends_on,
                                    targets={}, today=TODAY)


@pytest.mark.parametrize(("starts_on", "ends_on"), [
    (datetime.date(1900, 1, 1), datetime.date(1900, 12, 31)),
    (rules.FIRST_DAY - DAY, rules.FIRST_DAY + 10 * DAY),
    (TODAY, add_months(TODAY, rules.MONTHS_AHEAD) + DAY),
    (datetime.date(2099, 1, 1), datetime.date(2099, 1, 31)),
])
def test_dates_out_of_range_are_refused(heyuan, county_officer, starts_on, ends_on):
    with pytest.raises(ValidationError, match="活动日期应在"):
        make(county_officer, starts_on, ends_on)


def test_the_bounds_themselves_are_allowed(heyuan, county_officer):
    assert make(county_officer, rules.FIRST_DAY, rules.FIRST_DAY + 30 * DAY).starts_on == rules.FIRST_DAY
    last = add_months(TODAY, rules.MONTHS_AHEAD)
    assert make(county_officer, last - 30 * DAY, last, name="就业援助月").ends_on == last


def test_the_page_and_the_api_refuse_them_in_chinese(heyuan, client, county_officer):
    client.force_login(county_officer)
    page = client.post("/assistance/campaigns/new/", {"name": "春风行动", "region": COUNTY, "starts_on": "1900-01-01",
                                                      "ends_on": "1900-12-31"})
    assert page.status_code == 200 and "活动日期应在" in page.content.decode()
    api = client.post("/api/v1/assistance/campaigns", {"name": "春风行动", "region_code": COUNTY,
                                                       "starts_on": "2099-01-01", "ends_on": "2099-01-31",
                                                       "targets": {}},
                      content_type="application/json", headers=token(county_officer))
    assert api.status_code == 422 and "活动日期应在" in api.json()["detail"]
    assert not Campaign.objects.exists()
