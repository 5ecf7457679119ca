import hashlib

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from hrss.core import scoping
from hrss.core.models import Region
from hrss.core.permissions import role_choices, role_named


class StaffUserManager(UserManager):
    # Not in the migrations' historical models: no data migration creates users, and a migration that named this
    # class would import app code (ADR 0009).
    use_in_migrations = False

    def create_superuser(self, *args, **kwargs):
        # 等保 separates administrator powers into three roles; there is no all-powerful account.
        raise NotImplementedError("use `hrss create-user --role system_admin|security_admin|audit_admin`")


class User(AbstractUser):
    """A staff account: belongs to one region, holds one or more roles (RoleGrant)."""

    region = models.ForeignKey(Region, verbose_name=_("所属区域"), on_delete=models.PROTECT, related_name="staff")
    full_name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    must_change_password = models.BooleanField(_("须修改密码"), default=True)
    password_changed_at = models.DateTimeField(_("密码修改时间"), null=True, blank=True)

    objects = StaffUserManager()

    class Meta:
        verbose_name = _("工作人员")
        verbose_name_plural = _("工作人员")
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(condition=models.Q(is_superuser=False), name="no_superuser_accounts"),
        ]

    def __str__(self):
        return self.full_name or self.username

    @cached_property
    def role_list(self):
        """The roles held: core's Role members and areas' RoleSpecs (both are their codes). A role no installed area
        declares any more holds nothing and is left out."""
        roles = []
        for grant in self.role_grants.all():
            try:
                roles.append(role_named(grant.role))
            except ValueError:
                continue
        return roles

    @property
    def role_labels(self):
        return [str(role.label) for role in self.role_list]


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    # One of the roles in the registry (core.permissions: core's Role and the installed areas' RoleSpecs), checked
    # by clean_fields and by the account services. No `choices` here: they would freeze today's roles into the
    # migrations, and an area's roles come and go with the area.
    role = models.CharField(_("角色"), max_length=32)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_grant_per_role")]

    def __str__(self):
        return f"{self.user} · {self.role_label}"

    @property
    def role_label(self):
        try:
            return str(role_named(self.role).label)
        except ValueError:
            return self.role

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude=exclude)
        if exclude is None or "role" not in exclude:
            try:
                role_named(self.role)
            except ValueError:
                known = "、".join(code for code, _label in role_choices())
                raise ValidationError({"role": f"没有“{self.role}”这个角色：可用的角色代码为 {known}。"}) from None


class ApiToken(models.Model):
    """A bearer token for /api/v1/. Only its SHA-256 is stored; the token itself is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("用途"), max_length=100, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set at creation (HRSS_API_TOKEN_DAYS); past it the token is refused.
    expires_at = models.DateTimeField(_("有效期至"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.prefix}… ({self.user})"

    @property
    def is_usable(self):
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > timezone.now())

    @staticmethod
    def hash(token):
        return hashlib.sha256(token.encode()).hexdigest()

    def touch(self):
        self.last_used_at = timezone.now()
        ApiToken.objects.filter(pk=self.pk).update(last_used_at=self.last_used_at)


class PasswordReset(models.Model):
    """A password reset needs two administrators (ADR 0008): a system administrator asks for it and is shown the
    first half of a one-time code; a security administrator approves it and is shown the second half. The person
    sets a new password with both halves, so neither administrator alone can take over the account. Only HMACs of
    the halves are stored. A new account opened by a system administrator gets its first password the same way
    (purpose SETUP): it has none until the person sets one."""

    class Purpose(models.TextChoices):
        RESET = "reset", _("重置密码")
        SETUP = "setup", _("开设账号")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_resets")
    purpose = models.CharField(_("用途"), max_length=8, choices=Purpose.choices, default=Purpose.RESET)
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    first_half_hash = models.CharField(max_length=64)
    approved_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    second_half_hash = models.CharField(max_length=64, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(approved_at__isnull=True) | ~models.Q(second_half_hash=""),
                name="approved_reset_has_second_half",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.requested_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self):
        return self.used_at is None and self.cancelled_at is None

    @property
    def awaits_approval(self):
        return self.is_open and self.approved_at is None


scoping.register(User, code_field="region__code")
