"""Roles, the permissions each grants, and the one decorator every staff view uses.

Scope (which regions) is `core.scoping`; this module is about what a role may do. The three administrator roles
of 等保 practice are separated: 系统管理员 runs accounts and divisions, 安全管理员 grants roles and unlocks
accounts, 审计管理员 reads the audit trail; none sees residents' data, and no account may hold two of them.
"""

import enum
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import scoping
from hrss.core.models import Level


class Role(models.TextChoices):
    VILLAGE_ASSISTANT = "village_assistant", _("村(社区)协理员")
    TOWNSHIP_OFFICER = "township_officer", _("乡镇(街道)经办员")
    TOWNSHIP_REVIEWER = "township_reviewer", _("乡镇(街道)审核员")
    COUNTY_OFFICER = "county_officer", _("县(区)经办员")
    COUNTY_APPROVER = "county_approver", _("县(区)审批员")
    CITY_ADMIN = "city_admin", _("市管理员")
    PROVINCE_VIEWER = "province_viewer", _("省级查看")
    SYSTEM_ADMIN = "system_admin", _("系统管理员")
    SECURITY_ADMIN = "security_admin", _("安全管理员")
    AUDIT_ADMIN = "audit_admin", _("审计管理员")


SEPARATED_ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})

# The levels at which each role may be held.
ROLE_LEVELS = {
    Role.VILLAGE_ASSISTANT: {Level.VILLAGE},
    Role.TOWNSHIP_OFFICER: {Level.TOWNSHIP},
    Role.TOWNSHIP_REVIEWER: {Level.TOWNSHIP},
    Role.COUNTY_OFFICER: {Level.COUNTY},
    Role.COUNTY_APPROVER: {Level.COUNTY},
    Role.CITY_ADMIN: {Level.CITY},
    Role.PROVINCE_VIEWER: {Level.PROVINCE},
    Role.SYSTEM_ADMIN: {Level.PROVINCE, Level.CITY, Level.COUNTY},
    Role.SECURITY_ADMIN: {Level.PROVINCE, Level.CITY, Level.COUNTY},
    Role.AUDIT_ADMIN: {Level.PROVINCE, Level.CITY, Level.COUNTY},
}


class Permission(enum.Enum):
    REGION_VIEW = "region.view"
    REGION_MANAGE = "region.manage"
    USER_VIEW = "user.view"
    USER_MANAGE = "user.manage"
    ROLE_ASSIGN = "role.assign"
    AUDIT_VIEW = "audit.view"
    RESIDENT_VIEW = "resident.view"
    RESIDENT_EDIT = "resident.edit"
    ID_NUMBER_REVEAL = "resident.id_number.reveal"
    CALENDAR_MANAGE = "calendar.manage"
    EMPLOYMENT_VIEW = "employment.view"
    EMPLOYMENT_HANDLE = "employment.handle"  # intake and review steps; which step, the review chain's roles decide


_BUSINESS_READ = {Permission.REGION_VIEW, Permission.RESIDENT_VIEW, Permission.EMPLOYMENT_VIEW}
_BUSINESS_WRITE = _BUSINESS_READ | {Permission.RESIDENT_EDIT, Permission.ID_NUMBER_REVEAL, Permission.EMPLOYMENT_HANDLE}

ROLE_PERMISSIONS = {
    Role.VILLAGE_ASSISTANT: _BUSINESS_WRITE,
    Role.TOWNSHIP_OFFICER: _BUSINESS_WRITE,
    Role.TOWNSHIP_REVIEWER: _BUSINESS_WRITE,
    Role.COUNTY_OFFICER: _BUSINESS_WRITE,
    Role.COUNTY_APPROVER: _BUSINESS_WRITE,
    Role.CITY_ADMIN: _BUSINESS_WRITE,
    Role.PROVINCE_VIEWER: _BUSINESS_READ,
    Role.SYSTEM_ADMIN: {Permission.REGION_VIEW, Permission.REGION_MANAGE, Permission.USER_VIEW, Permission.USER_MANAGE,
                        Permission.CALENDAR_MANAGE},
    Role.SECURITY_ADMIN: {Permission.REGION_VIEW, Permission.USER_VIEW, Permission.ROLE_ASSIGN},
    Role.AUDIT_ADMIN: {Permission.REGION_VIEW, Permission.AUDIT_VIEW},
}


def permissions_of(user):
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    granted = set()
    for role in user.role_list:
        granted |= ROLE_PERMISSIONS.get(role, set())
    return frozenset(granted)


def has_permission(user, permission):
    return permission in permissions_of(user)


def check_permission(user, permission):
    """Raise PermissionDenied (and leave an audit entry) when the user lacks the permission."""
    if not has_permission(user, permission):
        from hrss.core import audit

        audit.record_denied(actor=user, action=permission.value)
        raise PermissionDenied


def check_acting_in(actor, *, region_code, action, message, roles=None, subject_id_number=""):
    """Refuse (PermissionDenied, with an audit entry) an act on something of `region_code` by a user whose scope
    does not hold it, or who has none of `roles` (when given). Call it before the act's transaction, so the
    refusal's audit entry is not rolled back with it."""
    if scoping.scope_of(actor).contains_code(region_code) and (roles is None or set(actor.role_list) & roles):
        return
    from hrss.core import audit

    audit.record_denied(actor=actor, action=action, region_code=region_code, subject_id_number=subject_id_number)
    raise PermissionDenied(message)


def staff_view(permission):
    """Decorator for every staff page: login required, permission checked, and the view declared scoped,
    i.e. it reaches data only through `core.scoping` (the scope sweep test holds it to that)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            check_permission(request.user, permission)
            return view(request, *args, **kwargs)

        guarded = login_required(wrapped)
        guarded.hrss_permission = permission
        return scoping.mark_view(guarded, scoping.SCOPED)

    return decorator
