"""A post's opening day may not be before 2007 nor more than a year ahead, its closing day not more than five years
ahead: the service, the page and the API refuse it in Chinese and write nothing. The bounds themselves pass."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.accounts import services as account_services
from hrss.assistance.models import WelfarePost
from hrss.assistance.posts import rules, services
from hrss.core.dates import add_months
from tests.conftest import TODAY, VILLAGE, login

LATEST_OPEN = add_months(TODAY, rules.OPEN_AHEAD_MONTHS)
LATEST_UNTIL = add_months(TODAY, rules.OPEN_UNTIL_AHEAD_MONTHS)
ONE_DAY = datetime.timedelta(days=1)


def _create(actor, **dates):
    return services.create_post(actor=actor, region_code=VILLAGE, unit_name="下城社区居民委员会",
                                unit_kind="village_committee", title="社区保洁员", headcount=1, today=TODAY, **dates)


@pytest.mark.parametrize("open_from", [datetime.date(1900, 1, 1), datetime.date(1, 1, 1),
                                       rules.EARLIEST_OPEN_FROM - ONE_DAY, LATEST_OPEN + ONE_DAY])
def test_an_opening_day_out_of_bounds_is_refused(village_assistant, heyuan, open_from):
    with pytest.raises(ValidationError, match="开发日期应在2007-01-01至"):
        _create(village_assistant, open_from=open_from)
    assert not WelfarePost.objects.exists()


def test_a_closing_day_too_far_ahead_is_refused(village_assistant, heyuan):
    with pytest.raises(ValidationError, match="截止日期应在"):
        _create(village_assistant, open_from=TODAY, open_until=LATEST_UNTIL + ONE_DAY)


@pytest.mark.parametrize("open_from", [rules.EARLIEST_OPEN_FROM, LATEST_OPEN])
def test_the_bounds_themselves_pass(village_assistant, heyuan, open_from):
    assert _create(village_assistant, open_from=open_from, open_until=LATEST_UNTIL).pk


def test_the_page_and_the_api_say_so(client, village_assistant, heyuan):
    login(client, village_assistant)
    page = client.post("/assistance/posts/new/", {
        "region": VILLAGE, "unit_name": "下城社区居民委员会", "unit_kind": "village_committee", "title": "社区保洁员",
        "headcount": "2", "open_from": "0001-01-01"}).content.decode()
    assert "开发日期应在2007-01-01至" in page
    response = client.post("/api/v1/assistance/posts", {
        "region_code": VILLAGE, "unit_name": "下城社区居民委员会", "unit_kind": "village_committee",
        "title": "社区保洁员", "headcount": 1, "open_from": "1900-01-01"}, content_type="application/json",
        headers={"Authorization": f"Bearer {account_services.create_token(actor=None, user=village_assistant)}"})
    assert response.status_code == 422 and "开发日期应在2007-01-01至" in response.json()["detail"]
    assert not WelfarePost.objects.exists()
