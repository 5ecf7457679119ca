"""Writes on staff accounts. Each takes the actor, checks the actor's permission and scope itself (a refusal is
audited before the write's transaction, so its entry stays) and leaves an audit entry in the same transaction.
`actor` None is the server operator's command on the server (hrss create-token, revoke-token, reset-password)."""

import datetime
import hmac
import secrets
import string

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from hrss.accounts.models import ApiToken, PasswordReset, RoleGrant, User
from hrss.core import audit
from hrss.core.models import AuditEntry, Level
from hrss.core.permissions import (
    ROLE_ASSIGN,
    SEPARATED_ADMIN_ROLES,
    USER_MANAGE,
    check_acting_in,
    check_permission,
    levels_of,
    role_named,
)

USER_FIELDS = ["username", "full_name", "phone", "is_active", "region_id"]


def _check_roles(roles, region):
    roles = {role_named(role) for role in roles}
    separated = roles & SEPARATED_ADMIN_ROLES
    if separated and len(roles) > 1:
        raise ValidationError(
            "系统管理员、安全管理员、审计管理员三员分立：持有其中一个角色的账号不能再持有任何其他角色。"
        )
    for role in roles:
        if region.level not in levels_of(role):
            allowed = "、".join(str(Level(level).label) for level in sorted(levels_of(role)))
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


def _new_user(*, username, region, roles, full_name, phone, must_change):
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
    return user, roles


def _save_new_user(*, actor, user, roles):
    user.save()
    RoleGrant.objects.bulk_create([RoleGrant(user=user, role=role) for role in sorted(roles)])
    audit.record(
        actor=actor,
        action="accounts.user.created",
        target=user,
        after={**audit.snapshot(user, USER_FIELDS), "roles": sorted(roles)},
    )


@transaction.atomic
def create_user(*, actor, username, region, roles=(), password=None, full_name="", phone="", must_change=True):
    """The server operator's path (`hrss create-user`, `hrss demo`, test fixtures): actor None. Creates an account
    with `password`, or a generated one. Returns (user, password). Staff open accounts with open_account, which
    gives nobody the password (ADR 0008)."""
    if actor is not None:
        raise ValueError("create_user is the server operator's path (actor=None); staff use open_account")
    user, roles = _new_user(username=username, region=region, roles=roles, full_name=full_name, phone=phone,
                            must_change=must_change)
    password = password or generate_initial_password()
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.password_changed_at = timezone.now()
    _save_new_user(actor=actor, user=user, roles=roles)
    return user, password


def open_account(*, actor, username, region, full_name="", phone=""):
    """A system administrator opens an account. It has no password: the administrator is shown the first half of a
    one-time code, a security administrator who approves the account the second, and the person sets their own
    password with both (ADR 0008). Roles are the security administrator's to grant. Returns (user, first half)."""
    check_permission(actor, USER_MANAGE)
    if region is not None:
        check_acting_in(actor, region_code=region.code, action="accounts.user.created",
                        message="该区域不在您的管辖范围内。")
    with transaction.atomic():
        user, roles = _new_user(username=username, region=region, roles=(), full_name=full_name, phone=phone,
                                must_change=True)
        user.set_unusable_password()
        _save_new_user(actor=actor, user=user, roles=roles)
        _reset, first_half = _ask_for_code(actor=actor, user=user, purpose=PasswordReset.Purpose.SETUP)
        return user, first_half


def update_user(*, actor, user, full_name, phone, region):
    _check_administering(actor, user, USER_MANAGE, "accounts.user.updated")
    if actor is not None and region is not None:
        check_acting_in(actor, region_code=region.code, action="accounts.user.updated",
                        message="该区域不在您的管辖范围内。")
    with transaction.atomic():
        if region is None:
            raise ValidationError("必须指定所属区域。")
        _check_roles(user.role_list, region)
        before = audit.snapshot(user, USER_FIELDS)
        user.full_name, user.phone, user.region = full_name, phone, region
        user.save(update_fields=["full_name", "phone", "region"])
        audit.record(actor=actor, action="accounts.user.updated", target=user, before=before,
                     after=audit.snapshot(user, USER_FIELDS))
        return user


def set_roles(*, actor, user, roles):
    """Replace the roles of a user (安全管理员)."""
    _check_administering(actor, user, ROLE_ASSIGN, "accounts.user.roles_changed")
    with transaction.atomic():
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


def _revoke_tokens(user, now):
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)


def set_active(*, actor, user, active):
    _check_administering(actor, user, USER_MANAGE,
                         "accounts.user.enabled" if active else "accounts.user.disabled")
    with transaction.atomic():
        if actor is not None and actor.pk == user.pk:
            raise ValidationError("不能停用自己的账号。")
        before = audit.snapshot(user, ["is_active"])
        user.is_active = active
        user.save(update_fields=["is_active"])
        note = ""
        if not active:
            end_sessions_of(user)
            revoked = _revoke_tokens(user, timezone.now())
            PasswordReset.objects.filter(user=user, used_at__isnull=True, cancelled_at__isnull=True).update(
                cancelled_at=timezone.now())
            note = f"同时吊销 {revoked} 个 API 令牌" if revoked else ""
        audit.record(actor=actor, action="accounts.user.enabled" if active else "accounts.user.disabled",
                     target=user, before=before, after={"is_active": active}, note=note)
        return user


# --- password resets: two administrators, two halves of a one-time code (ADR 0008) ------------------------------

RESET_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
RESET_HALF_LENGTH = 8  # 32**8: 40 bits a half, 80 for the code
# Wrong codes suspend the code, counted per code: after each RESET_PAUSE_AFTER wrong tries it takes no try for
# RESET_PAUSE, and only RESET_MAX_ATTEMPTS of them void it. Voiding at the first few let anyone who knew a username
# lock its owner out until two administrators started again; 20 tries of 2**80 codes stay a negligible chance.
RESET_PAUSE_AFTER = 5
RESET_PAUSE = datetime.timedelta(minutes=15)
RESET_MAX_ATTEMPTS = 20
# One answer whatever was wrong (unknown username, wrong code, suspended, voided, expired): it tells a guesser
# nothing, and says the rules to the person.
RESET_CODE_RULES = (f"同一个码每输错 {RESET_PAUSE_AFTER} 次暂停使用 {RESET_PAUSE.seconds // 60} 分钟，"
                    f"累计输错 {RESET_MAX_ATTEMPTS} 次作废")
RESET_CODE_WRONG = ("用户名或两段码不正确，或已暂停使用、已失效：请核对用户名和两段码后重试"
                    f"（{RESET_CODE_RULES}）；"
                    "仍不行请联系系统管理员重新申请（新账号重新生成开设码，已有账号重新申请重置）。")


def _code_half():
    half = "".join(secrets.choice(RESET_CODE_ALPHABET) for _ in range(RESET_HALF_LENGTH))
    return f"{half[:4]}-{half[4:]}"


def _half_hash(reset_user_pk, which, half):
    normalized = "".join(str(half or "").split()).replace("-", "").upper()
    return salted_hmac("hrss.accounts.password_reset", f"{reset_user_pk}:{which}:{normalized}").hexdigest()


def _check_administering(actor, user, permission, action):
    """Refuse (PermissionDenied, audited) a user without `permission`, or whose scope does not hold the account's
    region. Called before the write's transaction. `actor` None: the server operator's command."""
    if actor is None:
        return
    check_permission(actor, permission)
    check_acting_in(actor, region_code=user.region.code if user.region_id else "", action=action,
                    message="该账号不在您的管辖范围内。")


# The audit actions of each step, written out so every one has its Chinese name (audit_names.py).
CODE_ACTIONS = {
    PasswordReset.Purpose.RESET: {
        "requested": "accounts.password_reset.requested", "approved": "accounts.password_reset.approved",
        "wrong_code": "accounts.password_reset.wrong_code", "completed": "accounts.password_reset.completed",
    },
    PasswordReset.Purpose.SETUP: {
        "requested": "accounts.account_setup.requested", "approved": "accounts.account_setup.approved",
        "wrong_code": "accounts.account_setup.wrong_code", "completed": "accounts.account_setup.completed",
    },
}


def purpose_for(user):
    """An account that has never had a password of its own (opened by a system administrator, not yet set up) gets
    an account setup; any other a password reset."""
    if user.password_changed_at is None and not user.has_usable_password():
        return PasswordReset.Purpose.SETUP
    return PasswordReset.Purpose.RESET


def _ask_for_code(*, actor, user, purpose):
    now = timezone.now()
    PasswordReset.objects.filter(user=user, used_at__isnull=True, cancelled_at__isnull=True).update(cancelled_at=now)
    first_half = _code_half()
    reset = PasswordReset.objects.create(
        user=user, purpose=purpose, requested_by=actor, requested_at=now,
        first_half_hash=_half_hash(user.pk, 1, first_half),
        expires_at=now + datetime.timedelta(hours=settings.HRSS_PASSWORD_RESET_HOURS))
    audit.record(actor=actor, action=CODE_ACTIONS[purpose]["requested"], target=user)
    return reset, first_half


def request_password_reset(*, actor, user):
    """A system administrator asks to reset `user`'s password (or, for an account not set up yet, for a new setup
    code). Returns (reset, first half of the code), the half the administrator gives the person. Nothing changes on
    the account until a security administrator approves."""
    _check_administering(actor, user, USER_MANAGE, "accounts.password_reset.requested")
    with transaction.atomic():
        if actor is not None and actor.pk == user.pk:
            raise ValidationError("不能为自己的账号申请重置密码：记得原密码请在“修改密码”中修改，忘记了请联系另一位系统管理员。")
        if not user.is_active:
            raise ValidationError("该账号已停用：请先启用账号，再申请重置密码。")
        return _ask_for_code(actor=actor, user=user, purpose=purpose_for(user))


def pending_reset_of(user):
    """The reset of `user` waiting for a security administrator's approval, or None."""
    return (PasswordReset.objects.filter(user=user, used_at__isnull=True, cancelled_at__isnull=True,
                                         approved_at__isnull=True, expires_at__gt=timezone.now())
            .select_related("requested_by").first())


def approve_password_reset(*, actor, user):
    """A security administrator approves the reset a system administrator asked for (or the account they opened).
    From now on the old password, every session and every API token of the account stop working. Returns (reset,
    second half of the code)."""
    _check_administering(actor, user, ROLE_ASSIGN, "accounts.password_reset.approved")
    with transaction.atomic():
        if actor is not None and actor.pk == user.pk:
            raise ValidationError("不能核准重置自己的密码：须由另一位安全管理员核准。")
        reset = pending_reset_of(user)
        if reset is None:
            raise ValidationError("该账号没有待核准的开设或密码重置申请（或申请已过期）：须先由系统管理员申请重置。")
        reset = PasswordReset.objects.select_for_update().get(pk=reset.pk)
        if actor is not None and reset.requested_by_id == actor.pk:
            raise ValidationError("申请重置与核准重置不能是同一人。")
        now = timezone.now()
        second_half = _code_half()
        reset.approved_by, reset.approved_at = actor, now
        reset.second_half_hash = _half_hash(user.pk, 2, second_half)
        reset.expires_at = now + datetime.timedelta(hours=settings.HRSS_PASSWORD_RESET_HOURS)
        reset.save(update_fields=["approved_by", "approved_at", "second_half_hash", "expires_at"])
        user.set_unusable_password()
        user.must_change_password = True
        user.save(update_fields=["password", "must_change_password"])
        end_sessions_of(user)
        revoked = _revoke_tokens(user, now)
        audit.record(actor=actor, action=CODE_ACTIONS[reset.purpose]["approved"], target=user,
                     note=f"同时吊销 {revoked} 个 API 令牌" if revoked else "")
        return reset, second_half


def _suspended_until(reset):
    """When a code suspended by wrong tries (every RESET_PAUSE_AFTER-th) takes tries again, or None when it is not
    suspended. The time of the last wrong try is its audit entry's (the audit records every one; a field on the
    reset would need a migration while the migrations are being squashed)."""
    if not reset.failed_attempts or reset.failed_attempts % RESET_PAUSE_AFTER:
        return None
    last_wrong = (AuditEntry.objects.filter(
        action=CODE_ACTIONS[reset.purpose]["wrong_code"], outcome=AuditEntry.Outcome.FAILED,
        target_type=User._meta.label, target_id=str(reset.user_id), at__gte=reset.approved_at)
        .order_by("-at", "-id").values_list("at", flat=True).first())
    if last_wrong is None or last_wrong + RESET_PAUSE <= timezone.now():
        return None
    return last_wrong + RESET_PAUSE


def complete_password_reset(*, username, first_half, second_half, new_password):
    """The person sets a new password with both halves of the code. Every wrong code is audited and counted:
    each RESET_PAUSE_AFTER-th suspends the code for RESET_PAUSE (tries then are refused unread, and audited as
    such), the RESET_MAX_ATTEMPTS-th voids it; every failure gives the same message, whatever was wrong."""
    failed = None
    with transaction.atomic():
        user = User.objects.filter(username=str(username or "").strip(), is_active=True).first()
        reset = None
        if user is not None:
            reset = (PasswordReset.objects.select_for_update()
                     .filter(user=user, used_at__isnull=True, cancelled_at__isnull=True, approved_at__isnull=False,
                             expires_at__gt=timezone.now()).first())
        if reset is None:
            raise ValidationError(RESET_CODE_WRONG)
        until = _suspended_until(reset)
        right = (hmac.compare_digest(reset.first_half_hash, _half_hash(user.pk, 1, first_half))
                 & hmac.compare_digest(reset.second_half_hash, _half_hash(user.pk, 2, second_half)))
        if until is not None:  # refused whatever was entered, and not counted: the suspension does not grow
            audit.record(actor=None, action=CODE_ACTIONS[reset.purpose]["wrong_code"], target=user,
                         outcome=AuditEntry.Outcome.DENIED,
                         note=f"该码暂停使用至 {timezone.localtime(until):%H:%M}，本次未受理")
            failed = RESET_CODE_WRONG
        elif not right:
            reset.failed_attempts += 1
            if reset.failed_attempts >= RESET_MAX_ATTEMPTS:
                reset.cancelled_at = timezone.now()
            reset.save(update_fields=["failed_attempts", "cancelled_at"])
            pause = f"暂停使用 {RESET_PAUSE.seconds // 60} 分钟，" if not reset.failed_attempts % RESET_PAUSE_AFTER else ""
            audit.record(actor=None, action=CODE_ACTIONS[reset.purpose]["wrong_code"], target=user,
                         outcome=AuditEntry.Outcome.FAILED,
                         note=f"第 {reset.failed_attempts} 次输错，" + (
                             "该码已作废" if reset.cancelled_at else f"{pause}累计输错 {RESET_MAX_ATTEMPTS} 次作废"))
            failed = RESET_CODE_WRONG
        else:
            password_validation.validate_password(new_password, user)
            now = timezone.now()
            user.set_password(new_password)
            user.must_change_password = False
            user.password_changed_at = now
            user.save(update_fields=["password", "must_change_password", "password_changed_at"])
            reset.used_at = now
            reset.save(update_fields=["used_at"])
            audit.record(actor=user, action=CODE_ACTIONS[reset.purpose]["completed"], target=user)
    if failed:
        raise ValidationError(failed)
    from axes.utils import reset as reset_lockout

    reset_lockout(username=user.username)  # the person proved who they are with both halves
    return user


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


def unlock_user(*, actor, user):
    """Lift a login lockout (安全管理员)."""
    _check_administering(actor, user, ROLE_ASSIGN, "accounts.user.unlocked")
    with transaction.atomic():
        from axes.utils import reset

        removed = reset(username=user.username)
        audit.record(actor=actor, action="accounts.user.unlocked", target=user, note=f"清除 {removed} 条登录失败记录")
        return removed


TOKEN_ALPHABET = string.ascii_letters + string.digits  # 43 characters of 62 symbols: 256 bits


def create_token(*, actor, user, name=""):
    """Create an API token for `user`; returns the token, which is shown once and stored only as a hash. It expires
    after HRSS_API_TOKEN_DAYS."""
    _check_administering(actor, user, USER_MANAGE, "accounts.token.created")
    with transaction.atomic():
        if not user.is_active:
            raise ValidationError("该账号已停用，不能生成 API 令牌。")
        # Letters and digits only: a prefix that began with "-" would read as an option to `revoke-token --prefix`.
        token = "hrss_" + "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(43))
        expires_at = timezone.now() + datetime.timedelta(days=settings.HRSS_API_TOKEN_DAYS)
        ApiToken.objects.create(user=user, name=name, token_hash=ApiToken.hash(token), prefix=token[5:13],
                                expires_at=expires_at)
        audit.record(actor=actor, action="accounts.token.created", target=user, note=name)
        return token


def revoke_tokens(*, actor, user, prefix="", every=False):
    """Revoke API tokens of `user`: the one whose prefix is `prefix`, all of them (`every`), or, when neither is
    given, the only one the account has (with several, the caller must say which). Returns the revoked prefixes."""
    _check_administering(actor, user, USER_MANAGE, "accounts.token.revoked")
    with transaction.atomic():
        live = list(ApiToken.objects.filter(user=user, revoked_at__isnull=True).order_by("-created_at"))
        if prefix:
            live = [token for token in live if token.prefix == prefix]
            if not live:
                raise ValidationError(f"账号“{user.username}”没有前缀为 {prefix} 的有效令牌。")
        elif not every and len(live) > 1:
            listed = "、".join(f"{token.prefix}（{token.name or '未注明用途'}，{timezone.localtime(token.created_at):%Y-%m-%d}）"
                              for token in live)
            raise ValidationError(f"账号“{user.username}”有 {len(live)} 个有效令牌：{listed}。"
                                  "请用 --prefix 指定要吊销的一个，或用 --all 全部吊销。")
        if not live:
            raise ValidationError(f"账号“{user.username}”没有有效的 API 令牌。")
        ApiToken.objects.filter(pk__in=[token.pk for token in live]).update(revoked_at=timezone.now())
        prefixes = [token.prefix for token in live]
        audit.record(actor=actor, action="accounts.token.revoked", target=user, note=", ".join(prefixes))
        return prefixes
