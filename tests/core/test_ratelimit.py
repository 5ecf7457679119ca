import datetime

import pytest
from django.test import Client

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


def test_the_login_page_itself_is_not_limited(tight_limits, client):
    assert all(client.get("/accounts/login/").status_code == 200 for _ in range(5))


def test_password_still_works_under_the_limit(tight_limits, client, village_assistant):
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302


# Finding L4 of issue 9, section 4: fixed windows let nearly twice the limit through across their boundary. The
# window slides: it holds the requests of the last `seconds`, counted in slices of a 60th of it (here a second).
START = datetime.datetime(2026, 6, 15, 2, 0, tzinfo=datetime.UTC)  # a minute's clock period starts here


def at(seconds):
    return START + datetime.timedelta(seconds=seconds)


def test_a_burst_at_a_periods_end_still_counts_just_after_the_boundary(tight_limits, db):
    assert [ratelimit.allow("api", "token:x", now=at(59.9))[0] for _ in range(3)] == [True, True, True]
    assert ratelimit.allow("api", "token:x", now=at(60.1))[0] is False  # fixed windows let 3 more through here
    assert ratelimit.allow("api", "token:x", now=at(100))[0] is False


@pytest.mark.parametrize(("later", "allowed"), [(59.5, False), (60, True), (60.5, True)])
def test_a_burst_leaves_the_count_a_window_later(tight_limits, db, later, allowed):
    for _ in range(3):
        ratelimit.allow("api", "token:x", now=at(59))
    assert ratelimit.allow("api", "token:x", now=at(59 + later))[0] is allowed


def test_requests_spread_over_the_window_leave_one_by_one(tight_limits, db):
    for second in (0, 20, 40):
        assert ratelimit.allow("api", "token:x", now=at(second))[0]
    assert ratelimit.allow("api", "token:x", now=at(59))[0] is False
    assert ratelimit.allow("api", "token:x", now=at(60))[0] is True  # the one of second 0 has left
    assert ratelimit.allow("api", "token:x", now=at(61))[0] is False


@pytest.mark.parametrize("earlier", [0, 1, 3])  # requests half a minute before
@pytest.mark.parametrize("into_the_period", [0, 0.4, 5, 59, 59.9])
def test_retry_after_is_the_first_whole_second_a_request_is_allowed_again(tight_limits, db, earlier,
                                                                          into_the_period):
    def refused_after_the_same_history(key):
        for _ in range(earlier):
            ratelimit.allow("api", key, now=at(into_the_period - 30))
        answers = [ratelimit.allow("api", key, now=at(into_the_period)) for _ in range(4)]
        assert answers[3][0] is False
        return answers[3][1]

    retry_after = refused_after_the_same_history("token:a")
    assert retry_after == refused_after_the_same_history("token:b") == refused_after_the_same_history("token:c")
    assert 1 <= retry_after <= 60
    assert ratelimit.allow("api", "token:b", now=at(into_the_period + retry_after - 1))[0] is False
    assert ratelimit.allow("api", "token:c", now=at(into_the_period + retry_after))[0] is True


def test_an_allowed_request_has_nothing_to_wait_for(tight_limits, db):
    assert ratelimit.allow("api", "token:y", now=at(30)) == (True, 0)
