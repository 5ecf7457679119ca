"""The public page where a person sets a password with two halves of a code is limited per address
(HRSS_RATE_PASSWORD_RESET, ADR 0008): one address cannot keep guessing, another address is not held up."""

import pytest
from django.test import Client

from hrss.accounts.models import PasswordReset
from tests.accounts.test_password_resets import NEW_PASSWORD, request_and_approve

LIMIT = 3


@pytest.fixture
def tight_limit(settings):
    settings.HRSS_RATE_LIMITS = {**settings.HRSS_RATE_LIMITS, "password_reset": (LIMIT, 3600)}


def attempt(client, first, second):
    return client.post("/accounts/password/reset/", {
        "username": "alice", "first_half": first, "second_half": second,
        "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD})


def test_past_the_limit_an_address_is_told_when_to_retry_and_another_is_not_affected(
        tight_limit, heyuan, system_admin, security_admin, village_assistant):
    first, second = request_and_approve(system_admin, security_admin, village_assistant)
    guesser = Client(REMOTE_ADDR="10.0.0.7")
    answers = [attempt(guesser, first, "AAAA-AAAA") for _ in range(LIMIT)]
    assert [answer.status_code for answer in answers] == [200] * LIMIT
    assert all("不正确" in answer.content.decode() for answer in answers)

    refused = attempt(guesser, first, second)  # even the right code: the address is over its limit
    retry_after = int(refused["Retry-After"])
    assert refused.status_code == 429 and 1 <= retry_after <= 3600
    assert refused.content.decode() == f"请求过于频繁，请 {retry_after} 秒后再试。"
    reset = PasswordReset.objects.get(user=village_assistant, used_at__isnull=True)
    assert reset.failed_attempts == LIMIT, "a refused attempt does not reach the code"

    response = attempt(Client(REMOTE_ADDR="10.0.0.8"), first, second)
    assert response.status_code == 302, "the person, from another address, sets the password"
