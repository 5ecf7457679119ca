"""Roles, the permissions each grants, and the one decorator every staff view uses.

Scope (which regions) is `core.scoping`; this module is about what a role may do. The three administrator roles
of 等保 practice are separated: 系统管理员 runs accounts and divisions, 安全管理员 grants roles and unlocks
accounts, 审计管理员 reads the audit trail; none sees residents' data, and no account may hold two of them.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
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


@dataclass(frozen=True)
class Permission:
    """What a role may do. `value` is the dotted code (the refused action's audit code); `label` names it in
    Chinese (the audit log says 无权限：<label>). Core declares its own below; each area declares its own in its
    package (residents/permissions.py, ...) and registers them with its Area (core.areas)."""

    value: str
    label: str

    def __str__(self):
        return self.value


class RoleSpec(str):
    """A role an area adds (core's staff and administrator roles are `Role`). Like a `Role` member it is its code
    (a str: what RoleGrant stores and the audit log records) and carries `label`; `levels` are the levels at which
    it may be held."""

    def __new__(cls, code, label, levels):
        role = super().__new__(cls, code)
        role.label = label
        role.levels = frozenset(levels)
        return role

    @property
    def value(self):
        return str.__str__(self)

    def __repr__(self):
        return f"RoleSpec({self.value!r}, {self.label!r}, {sorted(self.levels)!r})"


REGION_VIEW = Permission("region.view", "查看工作台与区划")
REGION_MANAGE = Permission("region.manage", "区划调整")
USER_VIEW = Permission("user.view", "查看工作人员账号")
USER_MANAGE = Permission("user.manage", "管理工作人员账号")
ROLE_ASSIGN = Permission("role.assign", "分配角色")
AUDIT_VIEW = Permission("audit.view", "查询审计日志")
CALENDAR_MANAGE = Permission("calendar.manage", "修改节假日安排")
CLASSIFICATION_MANAGE = Permission("classification.manage", "维护职业与行业分类")  # core.classifications' imports

CORE_PERMISSIONS = (REGION_VIEW, REGION_MANAGE, USER_VIEW, USER_MANAGE, ROLE_ASSIGN, AUDIT_VIEW, CALENDAR_MANAGE,
                    CLASSIFICATION_MANAGE)

# Roles that work with the network's business data (what the areas grant their permissions to).
STAFF_ROLES = (Role.VILLAGE_ASSISTANT, Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICER,
               Role.COUNTY_APPROVER, Role.CITY_ADMIN)
READ_ONLY_ROLES = (Role.PROVINCE_VIEWER,)

# Core's own grants; the areas add theirs (grant()).
CORE_GRANTS = {
    **{role: {REGION_VIEW} for role in (*STAFF_ROLES, *READ_ONLY_ROLES)},
    Role.SYSTEM_ADMIN: {REGION_VIEW, REGION_MANAGE, USER_VIEW, USER_MANAGE, CALENDAR_MANAGE, CLASSIFICATION_MANAGE},
    Role.SECURITY_ADMIN: {REGION_VIEW, USER_VIEW, ROLE_ASSIGN},
    Role.AUDIT_ADMIN: {REGION_VIEW, AUDIT_VIEW},
}

_roles = {role.value: role for role in Role}  # code -> Role member or an area's RoleSpec
_permissions = {}  # value -> Permission
_grants = {}  # role code -> set of Permission


def register_role(role):
    """Add an area's role (a RoleSpec): it can then be granted (RoleGrant), offered at its levels and given
    permissions with grant()."""
    if not isinstance(role, RoleSpec):
        raise TypeError(f"an area's role is a RoleSpec, not {role!r}")
    if _roles.get(role.value, role) is not role:
        raise ImproperlyConfigured(f"role {role.value!r} is declared twice")
    _roles[role.value] = role
    from hrss.core import audit

    audit.register_values("roles", {role.value: role.label})
    return role


def register_permission(permission):
    """Declare a permission; its refusal gets its audit name (无权限：<label>)."""
    from hrss.core import audit

    if _permissions.get(permission.value, permission) != permission:
        raise ImproperlyConfigured(f"permission {permission.value!r} is declared twice")
    _permissions[permission.value] = permission
    audit.register_actions({permission.value: f"无权限：{permission.label}"})
    return permission


def grant(table):
    """Give permissions to roles: {role: {permission, ...}}. Adds to what the role holds already."""
    for role, granted in table.items():
        code = str(role)
        if code not in _roles:
            raise ImproperlyConfigured(f"grant to an unknown role {code!r}")
        for permission in granted:
            if _permissions.get(permission.value) != permission:
                raise ImproperlyConfigured(f"grant of an undeclared permission {permission.value!r}")
        _grants.setdefault(code, set()).update(granted)


def all_roles():
    """Core's roles, then the areas' in the order they were registered."""
    return list(_roles.values())


def role_named(code):
    """The role (a Role member or an area's RoleSpec) with this code; ValueError for an unknown code."""
    try:
        return _roles[str(code)]
    except KeyError:
        raise ValueError(f"{code!r} is not a role") from None


def role_choices():
    """The choices of RoleGrant.role and of the role forms: every role core and the installed areas declare."""
    return [(role.value, role.label) for role in _roles.values()]


def levels_of(role):
    """The levels at which the role may be held."""
    role = role_named(role)
    return role.levels if isinstance(role, RoleSpec) else ROLE_LEVELS[role]


def all_permissions():
    return list(_permissions.values())


def role_permissions():
    """{role code: frozenset of permissions}: core's grants composed with every area's."""
    return {code: frozenset(_grants.get(code, ())) for code in _roles}


def permissions_of(user):
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    granted = set()
    for role in user.role_list:
        granted |= _grants.get(str(role), set())
    return frozenset(granted)


for _permission in CORE_PERMISSIONS:
    _permissions[_permission.value] = _permission
grant(CORE_GRANTS)


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
