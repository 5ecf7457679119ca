"""Wrong codes suspend a reset or setup code for a while instead of voiding it (ADR 0008): whoever knows a username
cannot lock its owner out with five wrong tries; only many more void the code. Every try stays audited."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from hrss.accounts import services
from hrss.accounts.models import PasswordReset
from hrss.core.models import AuditEntry
from tests.accounts.test_password_resets import NEW_PASSWORD

WRONG = "AAAA-AAAA"
PAUSE = datetime.timedelta(minutes=15)
SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def code(heyuan, system_admin, security_admin, village_assistant):
    _reset, first = services.request_password_reset(actor=system_admin, user=village_assistant)
    _reset, second = services.approve_password_reset(actor=security_admin, user=village_assistant)
    return first, second


def attempt(first, second):
    """True when the password was set; False on the one answer every failure gets."""
    try:
        services.complete_password_reset(username="alice", first_half=first, second_half=second,
                                         new_password=NEW_PASSWORD)
    except ValidationError as error:
        assert error.messages == [services.RESET_CODE_WRONG]
        return False
    return True


def wrong_tries(first, count, clock):
    """`count` wrong tries, waiting out each suspension, as a patient guesser would."""
    for number in range(1, count + 1):
        assert not attempt(first, WRONG)
        if number % 5 == 0 and number < count:
            clock.shift(PAUSE)


def audited(outcome):
    return AuditEntry.objects.filter(action="accounts.password_reset.wrong_code", outcome=outcome).count()


def test_four_wrong_tries_leave_the_code_usable(code):
    first, second = code
    for _ in range(4):
        assert not attempt(first, WRONG)
    assert attempt(first, second)


def test_five_wrong_tries_suspend_the_code_for_fifteen_minutes(code, clock):
    first, second = code
    for _ in range(5):
        assert not attempt(first, WRONG)
    assert not attempt(first, second), "suspended: even the right code is refused"
    clock.shift(PAUSE - SECOND)
    assert not attempt(first, second)
    assert (audited("failed"), audited("denied")) == (5, 2), "tries while suspended are audited, not counted"
    clock.shift(SECOND)
    assert attempt(first, second), "15 minutes after the fifth wrong try the person sets the password"


def test_nineteen_wrong_tries_do_not_void_the_code(code, clock):
    first, second = code
    wrong_tries(first, 19, clock)
    assert PasswordReset.objects.get().cancelled_at is None
    assert attempt(first, second)
    assert audited("failed") == 19


def test_the_twentieth_wrong_try_voids_the_code(code, clock):
    first, second = code
    wrong_tries(first, 20, clock)
    assert PasswordReset.objects.get().cancelled_at is not None
    clock.shift(PAUSE)
    assert not attempt(first, second), "voided: a new reset is needed"


def test_the_page_says_the_rules(heyuan):
    page = Client().get("/accounts/password/reset/").content.decode()
    assert "同一个码每输错 5 次暂停使用 15 分钟，累计输错 20 次作废" in page
