"""Writes on staff accounts. Each takes the actor and leaves an audit entry in the same transaction."""

import secrets
import string

from django.contrib.auth import password_validation
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import ApiToken, RoleGrant, User
from hrss.core import audit
from hrss.core.models import Level
from hrss.core.permissions import ROLE_LEVELS, SEPARATED_ADMIN_ROLES, Role

USER_FIELDS = ["username", "full_name", "phone", "is_active", "region_id"]


def _check_roles(roles, region):
    roles = {Role(role) for role in roles}
    separated = roles & SEPARATED_ADMIN_ROLES
    if separated and len(roles) > 1:
        raise ValidationError(
            "系统管理员、安全管理员、审计管理员三员分立：持有其中一个角色的账号不能再持有任何其他角色。"
        )
    for role in roles:
        if region.level not in ROLE_LEVELS[role]:
            allowed = "、".join(str(Level(level).label) for level in sorted(ROLE_LEVELS[role]))
            raise ValidationError(
                f"角色“{role.label}”只能设在{allowed}一级，而“{region.name}”是{Level(region.level).label}。"
            )
    return roles


def generate_initial_password(length=14):
    """A random password that passes the composition rules; the user must change it at first login."""
    alphabet = string.ascii_letters + string.digits + "!@#$%^&*-_"
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(length))
        if all(any(test(c) for c in candidate) for test in (str.islower, str.isupper, str.isdigit)):
            return candidate


@transaction.atomic
def create_user(*, actor, username, region, roles=(), password=None, full_name="", phone="", must_change=True):
    """Create a staff account. Returns (user, initial_password)."""
    if region is None:
        raise ValidationError("必须指定所属区域：每个工作人员账号都属于一个区域。")
    if not region.is_active:
        raise ValidationError(f"区域“{region.name}”已撤销或合并，不能再添加工作人员。")
    username = (username or "").strip()
    if not username:
        raise ValidationError("用户名不能为空。")
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(f"用户名“{username}”已被使用。")
    roles = _check_roles(roles, region)
    user = User(username=username, region=region, full_name=full_name, phone=phone, must_change_password=must_change)
    password = password or generate_initial_password()
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.save()
    RoleGrant.objects.bulk_create([RoleGrant(user=user, role=role) for role in sorted(roles)])
    audit.record(
        actor=actor,
        action="accounts.user.created",
        target=user,
        after={**audit.snapshot(user, USER_FIELDS), "roles": sorted(roles)},
    )
    return user, password


@transaction.atomic
def update_user(*, actor, user, full_name, phone, region):
    if region is None:
        raise ValidationError("必须指定所属区域。")
    _check_roles(user.role_list, region)
    before = audit.snapshot(user, USER_FIELDS)
    user.full_name, user.phone, user.region = full_name, phone, region
    user.save(update_fields=["full_name", "phone", "region"])
    audit.record(actor=actor, action="accounts.user.updated", target=user, before=before,
                 after=audit.snapshot(user, USER_FIELDS))
    return user


@transaction.atomic
def set_roles(*, actor, user, roles):
    """Replace the roles of a user (安全管理员)."""
    if actor is not None and actor.pk == user.pk:
        raise ValidationError("不能修改自己的角色。")
    roles = _check_roles(roles, user.region)
    before = sorted(user.role_list)
    RoleGrant.objects.filter(user=user).exclude(role__in=roles).delete()
    existing = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    RoleGrant.objects.bulk_create([RoleGrant(user=user, role=role) for role in sorted(roles - existing)])
    user.__dict__.pop("role_list", None)
    audit.record(actor=actor, action="accounts.user.roles_changed", target=user,
                 before={"roles": before}, after={"roles": sorted(roles)})
    return user


def end_sessions_of(user):
    """Delete every session of a user (when disabled, or when the password changes elsewhere)."""
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()


@transaction.atomic
def set_active(*, actor, user, active):
    if actor is not None and actor.pk == user.pk:
        raise ValidationError("不能停用自己的账号。")
    before = audit.snapshot(user, ["is_active"])
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        end_sessions_of(user)
    audit.record(actor=actor, action="accounts.user.enabled" if active else "accounts.user.disabled",
                 target=user, before=before, after={"is_active": active})
    return user


@transaction.atomic
def reset_password(*, actor, user):
    """Give the user a new random password they must change at next login. Returns the password."""
    password = generate_initial_password()
    user.set_password(password)
    user.must_change_password = True
    user.password_changed_at = timezone.now()
    user.save(update_fields=["password", "must_change_password", "password_changed_at"])
    end_sessions_of(user)
    audit.record(actor=actor, action="accounts.user.password_reset", target=user)
    return password


@transaction.atomic
def change_own_password(*, user, old_password, new_password):
    if not user.check_password(old_password):
        raise ValidationError("原密码不正确。")
    if old_password == new_password:
        raise ValidationError("新密码不能与原密码相同。")
    password_validation.validate_password(new_password, user)
    user.set_password(new_password)
    user.must_change_password = False
    user.password_changed_at = timezone.now()
    user.save(update_fields=["password", "must_change_password", "password_changed_at"])
    audit.record(actor=user, action="accounts.user.password_changed", target=user)
    return user


@transaction.atomic
def unlock_user(*, actor, user):
    """Lift a login lockout (安全管理员)."""
    from axes.utils import reset

    removed = reset(username=user.username)
    audit.record(actor=actor, action="accounts.user.unlocked", target=user, note=f"cleared {removed} attempt records")
    return removed


@transaction.atomic
def create_token(*, actor, user, name=""):
    """Create an API token for `user`; returns the token, which is shown once and stored only as a hash."""
    token = "hrss_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, token_hash=ApiToken.hash(token), prefix=token[5:13])
    audit.record(actor=actor, action="accounts.token.created", target=user, note=name)
    return token
