"""Roles' permissions are composed from core's grants and each area's (core.permissions.grant): the composition
gives every role exactly what the one table in core.permissions gave before the areas declared their own, plus
what the areas added since (each addition named below with its issue)."""

import pytest

from hrss.core import permissions
from hrss.core.permissions import Role

BUSINESS_READ = {"region.view", "resident.view", "employment.view"}
BUSINESS_WRITE = BUSINESS_READ | {"resident.edit", "resident.id_number.reveal", "employment.handle"}

# The table as it stood in core.permissions before issue 10 (ROLE_PERMISSIONS), by code.
TABLE_BEFORE_AREAS = {
    Role.VILLAGE_ASSISTANT: BUSINESS_WRITE,
    Role.TOWNSHIP_OFFICER: BUSINESS_WRITE,
    Role.TOWNSHIP_REVIEWER: BUSINESS_WRITE,
    Role.COUNTY_OFFICER: BUSINESS_WRITE,
    Role.COUNTY_APPROVER: BUSINESS_WRITE,
    Role.CITY_ADMIN: BUSINESS_WRITE,
    Role.PROVINCE_VIEWER: BUSINESS_READ,
    Role.SYSTEM_ADMIN: {"region.view", "region.manage", "user.view", "user.manage", "calendar.manage"},
    Role.SECURITY_ADMIN: {"region.view", "user.view", "role.assign"},
    Role.AUDIT_ADMIN: {"region.view", "audit.view"},
}

# Issue 11 (就业服务与培训): staff handle the employment services and loans, the province reads them, and the system
# administrator imports the occupation classification.
JOBSERVICES_READ = {"jobservices.view", "jobservices.loan_view"}
JOBSERVICES_WRITE = JOBSERVICES_READ | {"jobservices.handle", "jobservices.loan_handle"}
# Issue 12 (就业援助与灵活就业): staff handle it, the province reads it.
ASSISTANCE_READ = {"assistance.view"}
ASSISTANCE_WRITE = ASSISTANCE_READ | {"assistance.handle"}
# Issue 13 (社会保险服务): staff handle it (the county approves pensions through the chain's roles), the province reads it.
PENSIONS_READ = {"pensions.view"}
PENSIONS_WRITE = PENSIONS_READ | {"pensions.handle"}
# Issue 14 (信访监察与服务监督): staff record petitions, leads, publicity and complaints and read inspection cases; the
# township and above appraise (考核), the county approver approves an inspection case's extension; the province reads.
SUPERVISION_READ = {"supervision.view", "supervision.inspection_view"}
SUPERVISION_WRITE = SUPERVISION_READ | {"supervision.handle"}
APPRAISE = {"supervision.appraisal_view"}
ADDED_SINCE = {
    **{role: JOBSERVICES_WRITE | ASSISTANCE_WRITE | PENSIONS_WRITE | SUPERVISION_WRITE
       for role in (Role.VILLAGE_ASSISTANT, Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICER,
                    Role.COUNTY_APPROVER, Role.CITY_ADMIN)},
    Role.PROVINCE_VIEWER: JOBSERVICES_READ | ASSISTANCE_READ | PENSIONS_READ | SUPERVISION_READ | APPRAISE,
    Role.SYSTEM_ADMIN: {"classification.manage"},
}
for _role in (Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICER, Role.CITY_ADMIN):
    ADDED_SINCE[_role] = ADDED_SINCE[_role] | APPRAISE
ADDED_SINCE[Role.COUNTY_APPROVER] = ADDED_SINCE[Role.COUNTY_APPROVER] | APPRAISE | {"supervision.inspection_approve"}
# Issue 15 (平台建设与考核): staff read it and keep their office's record; the township submits the monthly report;
# the county inspects and records funds, its approver approves reports; the city inspects, accepts and records
# funds; the province reads.
NETWORK_READ = {"network.view"}
NETWORK_WRITE = NETWORK_READ | {"network.office_edit"}
NETWORK_ADDED = {
    Role.VILLAGE_ASSISTANT: NETWORK_WRITE,
    Role.TOWNSHIP_OFFICER: NETWORK_WRITE | {"network.report_submit"},
    Role.TOWNSHIP_REVIEWER: NETWORK_WRITE | {"network.report_submit"},
    Role.COUNTY_OFFICER: NETWORK_WRITE | {"network.inspect", "network.funds"},
    Role.COUNTY_APPROVER: NETWORK_WRITE | {"network.inspect", "network.funds", "network.report_approve"},
    Role.CITY_ADMIN: NETWORK_WRITE | {"network.inspect", "network.accept", "network.funds"},
    Role.PROVINCE_VIEWER: NETWORK_READ,
}
for _role, _added in NETWORK_ADDED.items():
    ADDED_SINCE[_role] = ADDED_SINCE[_role] | _added
TABLE_NOW = {role: held | ADDED_SINCE.get(role, set()) for role, held in TABLE_BEFORE_AREAS.items()}
# The roles the areas add: the guarantee agency and the bank see the workbench and the loans, nothing else.
AREA_ROLES = {
    "guarantee_officer": {"region.view", "jobservices.loan_view", "jobservices.loan_handle"},
    "bank_officer": {"region.view", "jobservices.loan_view", "jobservices.loan_handle"},
    # Issue 14: the county's labour inspector works the inspection cases (and the area's other pages).
    "labour_inspector": {"region.view", "supervision.view", "supervision.handle", "supervision.inspection_view",
                         "supervision.inspection_handle"},
}


def _holder(*roles):
    class Holder:
        is_authenticated = True
        is_active = True
        role_list = list(roles)

    return Holder()


@pytest.mark.parametrize("role", list(Role))
def test_each_core_role_holds_what_it_held_before_the_areas_declared_their_permissions(role):
    held = {permission.value for permission in permissions.permissions_of(_holder(role))}
    assert held == TABLE_NOW[role]


def test_the_composed_table_names_every_role():
    table = permissions.role_permissions()
    for role, expected in {**TABLE_NOW, **AREA_ROLES}.items():
        assert {permission.value for permission in table[role]} == expected


def test_an_inactive_or_anonymous_user_holds_nothing():
    holder = _holder(Role.CITY_ADMIN)
    holder.is_active = False
    assert permissions.permissions_of(holder) == frozenset()


def test_a_permission_or_role_is_declared_once():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        permissions.register_permission(permissions.Permission("region.view", "别的名字"))
    with pytest.raises(ImproperlyConfigured):
        permissions.grant({"no_such_role": {permissions.REGION_VIEW}})
    with pytest.raises(ImproperlyConfigured):
        permissions.grant({Role.CITY_ADMIN: {permissions.Permission("nobody.declared", "无")}})
