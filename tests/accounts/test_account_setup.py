"""Issue 9, finding 1 for new accounts: the system administrator who opens an account is never shown a password
that opens it. The account has none until the person sets one with two halves of a code: the first shown to the
system administrator, the second to the security administrator who approves the account (ADR 0008)."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.accounts import services
from hrss.accounts.models import User
from hrss.core.models import AuditEntry
from hrss.core.permissions import Role
from tests.accounts.test_password_resets import (
    NEW_PASSWORD,
    can_log_in,
    logged_in,
    set_new_password,
    shown_code,
)
from tests.conftest import NEIGHBOUR_COUNTY, VILLAGE


def open_wang(system_admin):
    return logged_in(system_admin).post("/accounts/users/new/", {
        "username": "wang", "full_name": "王芳", "region": VILLAGE})


def approve(security_admin, user):
    return logged_in(security_admin).post(f"/accounts/users/{user.pk}/reset-password/approve/")


def credentials_on(page):
    """Whatever the page shows as a credential to write down."""
    return [shown.strip() for shown in re.findall(r'font-monospace[^>]*>([^<]+)<', page)]


def test_what_the_system_administrator_is_shown_does_not_open_the_new_account(heyuan, system_admin,
                                                                              security_admin):
    response = open_wang(system_admin)
    page = response.content.decode()
    assert response.status_code == 200 and "账号已开设" in page and "开设码第一段" in page
    assert "安全管理员" in page and "没有初始密码" in page
    first = shown_code(response)
    wang = User.objects.get(username="wang")
    assert not wang.has_usable_password(), "nobody knows a password of the new account"
    shown = credentials_on(page)
    assert shown == [first]
    logged_in(security_admin).post(f"/accounts/users/{wang.pk}/roles/", {"roles": ["village_assistant"]})
    assert not any(can_log_in("wang", credential) for credential in shown)
    approve(security_admin, wang)
    assert not any(can_log_in("wang", credential) for credential in shown), "not even once approved"
    with pytest.raises(ValidationError):
        services.complete_password_reset(username="wang", first_half=first, second_half=first,
                                         new_password=NEW_PASSWORD)


def test_two_administrators_and_the_person_open_an_account(heyuan, system_admin, security_admin):
    first = shown_code(open_wang(system_admin))
    wang = User.objects.get(username="wang")
    listed = logged_in(security_admin).get("/accounts/users/", {"setup": "1"}).content.decode()
    assert "wang" in listed
    detail = logged_in(security_admin).get(f"/accounts/users/{wang.pk}/").content.decode()
    assert "核准开设账号" in detail
    logged_in(security_admin).post(f"/accounts/users/{wang.pk}/roles/", {"roles": ["village_assistant"]})
    response = approve(security_admin, wang)
    assert "已核准开设账号" in response.content.decode() and "开设码第二段" in response.content.decode()
    second = shown_code(response)

    assert set_new_password("wang", first, second).status_code == 302
    wang = User.objects.get(pk=wang.pk)
    assert wang.check_password(NEW_PASSWORD) and not wang.must_change_password, "no second change at login"
    client = Client()
    assert client.post("/accounts/login/", {"username": "wang", "password": NEW_PASSWORD}).status_code == 302
    assert client.get("/").status_code == 200, "straight into the workbench"
    assert set_new_password("wang", first, second, "Another#Pass2026").status_code == 200, "the code works once"
    actions = list(AuditEntry.objects.filter(target_id=str(wang.pk), action__startswith="accounts.")
                   .exclude(action__in=["accounts.login", "accounts.user.roles_changed"])
                   .order_by("id").values_list("action", "actor_username"))
    assert actions == [("accounts.user.created", "sam"), ("accounts.account_setup.requested", "sam"),
                       ("accounts.account_setup.approved", "sec"), ("accounts.account_setup.completed", "wang")]


def test_the_security_administrator_is_told_an_account_waits_for_approval(heyuan, system_admin, security_admin):
    open_wang(system_admin)
    workbench = logged_in(security_admin).get("/").content.decode()
    assert "待核准开设的账号" in workbench


def test_the_system_administrator_cannot_approve_the_account_they_opened(heyuan, system_admin):
    open_wang(system_admin)
    wang = User.objects.get(username="wang")
    assert approve(system_admin, wang).status_code == 403
    with pytest.raises(PermissionDenied):
        services.approve_password_reset(actor=system_admin, user=wang)


def test_only_a_system_administrator_opens_accounts_and_only_in_their_scope(heyuan, make_user, system_admin,
                                                                            security_admin):
    with pytest.raises(PermissionDenied):
        services.open_account(actor=security_admin, username="wang", region=heyuan[VILLAGE])
    neighbour = make_user("nsam", NEIGHBOUR_COUNTY, Role.SYSTEM_ADMIN)
    with pytest.raises(PermissionDenied):
        services.open_account(actor=neighbour, username="wang", region=heyuan[VILLAGE])
    assert not User.objects.filter(username="wang").exists()


def test_a_password_for_a_new_account_is_only_the_server_operators_to_give(heyuan, system_admin):
    with pytest.raises(ValueError, match="operator"):
        services.create_user(actor=system_admin, username="wang", region=heyuan[VILLAGE], password=NEW_PASSWORD)
    assert not User.objects.filter(username="wang").exists()


def test_an_expired_setup_code_is_made_again_by_the_system_administrator(heyuan, system_admin, security_admin,
                                                                         clock, settings):
    open_wang(system_admin)
    wang = User.objects.get(username="wang")
    clock.shift(datetime.timedelta(hours=settings.HRSS_PASSWORD_RESET_HOURS, seconds=1))
    assert approve(security_admin, wang).status_code == 302 and services.pending_reset_of(wang) is None
    detail = logged_in(system_admin).get(f"/accounts/users/{wang.pk}/").content.decode()
    assert "重新生成开设码" in detail
    response = logged_in(system_admin).post(f"/accounts/users/{wang.pk}/reset-password/")
    assert "已重新生成开设码" in response.content.decode()
    first = shown_code(response)
    second = shown_code(approve(security_admin, wang))
    assert set_new_password("wang", first, second).status_code == 302
    assert can_log_in("wang", NEW_PASSWORD)

