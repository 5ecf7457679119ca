import datetime

import pytest
from django.test import Client
from django.utils import timezone

from hrss.accounts import services as account_services
from hrss.core import ratelimit
from tests.conftest import PASSWORD, login


@pytest.fixture
def tight_limits(settings):
    settings.HRSS_RATE_LIMITS = {"api": (3, 60), "export": (2, 3600), "login": (2, 60)}


def test_exports_past_the_hourly_limit_get_429_for_that_user_only(tight_limits, client, village_assistant,
                                                                  township_officer):
    client = login(client, village_assistant)
    assert [client.get("/residents/export.xlsx").status_code for _ in range(2)] == [200, 200]
    refused = login(Client(), village_assistant).get("/residents/export.xlsx")  # another browser, same person
    assert refused.status_code == 429 and "请求过于频繁" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert login(Client(), township_officer).get("/residents/export.xlsx").status_code == 200


def test_the_api_is_limited_per_token(tight_limits, heyuan, village_assistant):
    token = account_services.create_token(actor=None, user=village_assistant)
    client = Client(headers={"Authorization": f"Bearer {token}"})
    codes = [client.get("/api/v1/regions/441602001003").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    other = account_services.create_token(actor=None, user=village_assistant)
    assert Client(headers={"Authorization": f"Bearer {other}"}).get("/api/v1/regions/441602001003").status_code == 200


def test_one_address_cannot_try_many_usernames(tight_limits, client, village_assistant):
    codes = [client.post("/accounts/login/", {"username": f"nobody{i}", "password": "x"}).status_code
             for i in range(3)]
    assert codes[:2] == [200, 200] and codes[2] == 429


def test_a_new_window_starts_a_new_count(tight_limits, db):
    now = timezone.now().replace(second=5, microsecond=0)
    assert [ratelimit.allow("api", "token:x", now=now)[0] for _ in range(4)] == [True, True, True, False]
    assert ratelimit.allow("api", "token:x", now=now + datetime.timedelta(seconds=60))[0]


def test_the_login_page_itself_is_not_limited(tight_limits, client):
    assert all(client.get("/accounts/login/").status_code == 200 for _ in range(5))


def test_password_still_works_under_the_limit(tight_limits, client, village_assistant):
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize(("into_the_window", "retry_after"), [(0, 60), (0.4, 60), (1, 59), (59, 1), (59.9, 1)])
def test_retry_after_counts_the_whole_seconds_left_in_the_window(tight_limits, db, into_the_window, retry_after):
    start = datetime.datetime(2026, 6, 15, 2, 0, tzinfo=datetime.UTC)  # a minute's window starts here
    now = start + datetime.timedelta(seconds=into_the_window)
    assert ratelimit.allow("api", "token:y", now=now) == (True, retry_after)
