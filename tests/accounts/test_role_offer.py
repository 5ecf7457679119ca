"""The security administrator is offered only the roles that fit the level of the account's region."""

import re

from django.test import Client

from hrss.core.models import Level
from hrss.core.permissions import Role, RoleSpec, all_roles
from tests.conftest import COUNTY


def offered_roles(security_admin, user):
    client = Client()
    client.force_login(security_admin)
    html = client.get(f"/accounts/users/{user.pk}/").content.decode()
    return set(re.findall(r'name="roles" value="([a-z_]+)"', html))


def test_a_village_account_is_offered_only_the_village_assistant_role(heyuan, security_admin, village_assistant):
    assert offered_roles(security_admin, village_assistant) == {Role.VILLAGE_ASSISTANT}


def test_a_township_account_is_offered_the_township_roles(heyuan, security_admin, township_officer):
    assert offered_roles(security_admin, township_officer) == {Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER}


def test_a_county_account_is_offered_the_county_and_administrator_roles(heyuan, security_admin, make_user):
    user = make_user("kim", COUNTY)
    # Plus the county roles the installed areas add (the test run installs tests/plugin_area, which adds one).
    area_roles = {role for role in all_roles() if isinstance(role, RoleSpec) and Level.COUNTY in role.levels}
    assert offered_roles(security_admin, user) == {Role.COUNTY_OFFICER, Role.COUNTY_APPROVER, Role.SYSTEM_ADMIN,
                                                   Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, *area_roles}


def test_the_held_role_is_ticked(heyuan, security_admin, village_assistant):
    client = Client()
    client.force_login(security_admin)
    html = client.get(f"/accounts/users/{village_assistant.pk}/").content.decode()
    assert re.search(r'name="roles" value="village_assistant"[^>]*checked', html)
