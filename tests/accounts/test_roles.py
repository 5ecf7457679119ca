import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django.test import Client

from hrss.accounts import services
from hrss.accounts.models import User
from hrss.core.permissions import AUDIT_VIEW, ROLE_ASSIGN, USER_MANAGE, Role, all_permissions, has_permission
from hrss.residents.permissions import RESIDENT_VIEW
from tests.conftest import CITY, COUNTY, TOWNSHIP, VILLAGE


def test_no_account_holds_two_of_the_three_administrator_roles(heyuan):
    with pytest.raises(ValidationError, match="三员分立"):
        services.create_user(actor=None, username="x", region=heyuan[CITY],
                             roles=[Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN], password="Heyuan@2026")
    with pytest.raises(ValidationError, match="三员分立"):
        services.create_user(actor=None, username="y", region=heyuan[CITY],
                             roles=[Role.SECURITY_ADMIN, Role.CITY_ADMIN], password="Heyuan@2026")


def test_the_three_administrators_powers_do_not_overlap():
    powers = {role: {p for p in all_permissions() if has_permission(_holder(role), p)}
              for role in (Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)}
    assert AUDIT_VIEW in powers[Role.AUDIT_ADMIN]
    assert AUDIT_VIEW not in powers[Role.SYSTEM_ADMIN] | powers[Role.SECURITY_ADMIN]
    assert ROLE_ASSIGN in powers[Role.SECURITY_ADMIN]
    assert ROLE_ASSIGN not in powers[Role.SYSTEM_ADMIN] | powers[Role.AUDIT_ADMIN]
    assert USER_MANAGE in powers[Role.SYSTEM_ADMIN]
    assert USER_MANAGE not in powers[Role.SECURITY_ADMIN] | powers[Role.AUDIT_ADMIN]
    for role, granted in powers.items():
        assert RESIDENT_VIEW not in granted, f"{role} must not see residents' data"


def _holder(role):
    class Holder:
        is_authenticated = True
        is_active = True
        role_list = [role]

    return Holder()


def test_a_role_must_fit_the_level_of_the_region(heyuan):
    with pytest.raises(ValidationError, match="村\\(社区\\)协理员"):
        services.create_user(actor=None, username="x", region=heyuan[COUNTY], roles=[Role.VILLAGE_ASSISTANT],
                             password="Heyuan@2026")
    services.create_user(actor=None, username="x", region=heyuan[VILLAGE], roles=[Role.VILLAGE_ASSISTANT],
                         password="Heyuan@2026")


def test_a_township_may_have_an_officer_and_a_reviewer(heyuan):
    user, _ = services.create_user(actor=None, username="t", region=heyuan[TOWNSHIP],
                                   roles=[Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER], password="Heyuan@2026")
    assert set(user.role_list) == {Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER}


def test_a_user_without_a_region_is_refused(heyuan):
    with pytest.raises(ValidationError, match="必须指定所属区域"):
        services.create_user(actor=None, username="x", region=None, roles=[], password="Heyuan@2026")


def test_superuser_accounts_cannot_exist(heyuan):
    with pytest.raises(IntegrityError):
        User.objects.create(username="root", region=heyuan[CITY], is_superuser=True)


def test_create_user_command(heyuan, capsys):
    call_command("create-user", "zhang", "--region", VILLAGE, "--role", "village_assistant")
    out = capsys.readouterr().out
    assert "已创建 zhang" in out and "初始密码" in out
    user = User.objects.get(username="zhang")
    assert user.region.code == VILLAGE and user.must_change_password


def test_create_user_command_with_a_password(heyuan):
    call_command("create-user", "li", "--region", COUNTY, "--role", "county_officer", "--role", "county_approver",
                 "--password", "Yuancheng#2026")
    assert User.objects.get(username="li").check_password("Yuancheng#2026")


def test_create_user_command_refuses_an_unknown_region(heyuan):
    with pytest.raises(CommandError, match="不存在"):
        call_command("create-user", "x", "--region", "441699999999", "--role", "village_assistant")


def test_create_user_command_refuses_a_weak_password(heyuan):
    with pytest.raises(CommandError, match="密码太短"):
        call_command("create-user", "x", "--region", VILLAGE, "--role", "village_assistant", "--password", "123456")
    assert not User.objects.filter(username="x").exists()


def test_the_security_administrator_assigns_roles_in_the_ui(heyuan, security_admin, system_admin):
    admin = Client()
    admin.force_login(system_admin)
    response = admin.post("/accounts/users/new/", {"username": "wang", "full_name": "王芳", "region": VILLAGE})
    assert "账号已开设" in response.content.decode()
    wang = User.objects.get(username="wang")
    assert wang.role_list == []
    security = Client()
    security.force_login(security_admin)
    security.post(f"/accounts/users/{wang.pk}/roles/", {"roles": ["village_assistant"]})
    assert User.objects.get(pk=wang.pk).role_list == [Role.VILLAGE_ASSISTANT]


def test_the_system_administrator_cannot_grant_roles(heyuan, system_admin, village_assistant):
    client = Client()
    client.force_login(system_admin)
    response = client.post(f"/accounts/users/{village_assistant.pk}/roles/", {"roles": ["township_officer"]})
    assert response.status_code == 403


def test_an_administrator_cannot_change_their_own_roles(heyuan, security_admin):
    with pytest.raises(ValidationError, match="自己"):
        services.set_roles(actor=security_admin, user=security_admin, roles=[Role.SECURITY_ADMIN, Role.CITY_ADMIN])
