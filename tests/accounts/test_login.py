import datetime
import re

import pytest
from django.test import Client

from hrss.accounts import services
from hrss.accounts.models import User
from hrss.core.models import AuditEntry
from tests.conftest import PASSWORD, frozen_now

CSRF_TOKEN = re.compile(r"[A-Za-z0-9]{64}")


def attempt(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_a_wrong_password_gets_a_clear_message(heyuan, village_assistant):
    response = attempt(Client(), "alice", "wrong")
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()
    assert AuditEntry.objects.filter(action="accounts.login_failed", note="alice").count() == 1


def test_the_right_password_logs_in_and_is_audited(heyuan, village_assistant):
    client = Client()
    response = attempt(client, "alice", PASSWORD)
    assert response.status_code == 302 and response.url == "/"
    assert AuditEntry.objects.filter(action="accounts.login", actor=village_assistant).count() == 1


def test_five_failures_lock_the_account_and_the_right_password_is_then_refused(heyuan, village_assistant):
    client = Client()
    for _ in range(4):
        assert attempt(client, "alice", "wrong").status_code == 200
    locked = attempt(client, "alice", "wrong")
    assert locked.status_code == 429
    assert "账号已暂时锁定" in locked.content.decode()
    refused = attempt(Client(), "alice", PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in refused.wsgi_request.session
    assert AuditEntry.objects.filter(action="accounts.locked_out").count() >= 1


def test_four_failures_do_not_lock(heyuan, village_assistant):
    client = Client()
    for _ in range(4):
        attempt(client, "alice", "wrong")
    assert attempt(client, "alice", PASSWORD).status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(heyuan, village_assistant, settings):
    from axes.models import AccessAttempt

    for _ in range(5):
        attempt(Client(), "alice", "wrong")
    assert attempt(Client(), "alice", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=frozen_now() - datetime.timedelta(minutes=16))
    assert attempt(Client(), "alice", PASSWORD).status_code == 302


def test_an_unknown_username_gets_the_same_answer_as_a_wrong_password(heyuan, village_assistant):
    known = attempt(Client(), "alice", "wrong").content.decode()
    unknown = attempt(Client(), "nobody-here", "wrong").content.decode()

    def normalise(html):
        # Only the echoed username and the per-response CSRF tokens may differ.
        return CSRF_TOKEN.sub("", html.replace("alice", "").replace("nobody-here", ""))

    assert normalise(known) == normalise(unknown)


def test_the_security_administrator_unlocks_an_account(heyuan, village_assistant, security_admin):
    for _ in range(5):
        attempt(Client(), "alice", "wrong")
    admin = Client()
    admin.force_login(security_admin)
    assert "登录已锁定" in admin.get(f"/accounts/users/{village_assistant.pk}/").content.decode()
    admin.post(f"/accounts/users/{village_assistant.pk}/unlock/")
    assert attempt(Client(), "alice", PASSWORD).status_code == 302
    assert AuditEntry.objects.filter(action="accounts.user.unlocked", actor=security_admin).count() == 1


def test_first_login_sends_the_user_to_change_the_password(heyuan, make_user):
    make_user("newbie", "441602001003", "village_assistant", must_change=True)
    client = Client()
    attempt(client, "newbie", PASSWORD)
    response = client.get("/")
    assert response.status_code == 302 and response.url == "/accounts/password/"
    changed = client.post("/accounts/password/", {"old_password": PASSWORD, "new_password": "Xincheng#2026a",
                                                  "new_password_again": "Xincheng#2026a"})
    assert changed.status_code == 302
    assert client.get("/").status_code == 200
    assert not User.objects.get(username="newbie").must_change_password


def test_a_weak_new_password_is_refused_with_the_reason(heyuan, make_user):
    make_user("newbie", "441602001003", "village_assistant", must_change=True)
    client = Client()
    attempt(client, "newbie", PASSWORD)
    response = client.post("/accounts/password/", {"old_password": PASSWORD, "new_password": "newbie2026",
                                                   "new_password_again": "newbie2026"})
    assert response.status_code == 200
    assert "至少3类" in response.content.decode()


def test_a_password_older_than_ninety_days_must_be_changed(heyuan, village_assistant):
    User.objects.filter(pk=village_assistant.pk).update(
        password_changed_at=frozen_now() - datetime.timedelta(days=91))
    client = Client()
    client.force_login(User.objects.get(pk=village_assistant.pk))
    assert client.get("/").url == "/accounts/password/"
    User.objects.filter(pk=village_assistant.pk).update(
        password_changed_at=frozen_now() - datetime.timedelta(days=89))
    assert client.get("/").status_code == 200


def test_disabling_a_user_ends_their_sessions(heyuan, village_assistant, system_admin):
    client = Client()
    client.force_login(village_assistant)
    assert client.get("/").status_code == 200
    services.set_active(actor=system_admin, user=village_assistant, active=False)
    assert client.get("/").status_code == 302


def test_logout_deletes_the_session_and_clears_site_data(heyuan, village_assistant):
    from django.contrib.sessions.models import Session

    client = Client()
    client.force_login(village_assistant)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "Clear-Site-Data" in response
    assert not Session.objects.exists()


def test_the_session_ends_twelve_hours_after_login(heyuan, village_assistant):
    client = Client()
    client.force_login(village_assistant)
    session = client.session
    session["hrss_login_at"] = (frozen_now() - datetime.timedelta(hours=12, minutes=1)).timestamp()
    session.save()
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("minutes", [30])
def test_the_idle_limit_is_thirty_minutes(settings, minutes):
    assert settings.SESSION_COOKIE_AGE == minutes * 60 and settings.SESSION_SAVE_EVERY_REQUEST
