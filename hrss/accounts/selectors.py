from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from hrss.accounts.models import PasswordReset, User
from hrss.core import scoping


def users_visible_to(user):
    return scoping.visible_to(user, User.objects.select_related("region").prefetch_related("role_grants"))


def locked_usernames(usernames=None):
    """Usernames currently locked out by django-axes (failures within the cool-off window at the limit)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(attempt_time__gte=since, failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    if usernames is not None:
        attempts = attempts.filter(username__in=list(usernames))
    return set(attempts.values_list("username", flat=True))


def search_users(actor, query="", role=""):
    users = users_visible_to(actor)
    if query:
        users = users.filter(Q(username__icontains=query) | Q(full_name__icontains=query))
    if role:
        users = users.filter(role_grants__role=role)
    return users.order_by("region__code", "username")


def awaiting_reset_approval(users, purpose=PasswordReset.Purpose.RESET):
    """Those of `users` whose password reset (or, with purpose SETUP, whose new account) waits for a security
    administrator's approval."""
    waiting = PasswordReset.objects.filter(used_at__isnull=True, cancelled_at__isnull=True, approved_at__isnull=True,
                                           expires_at__gt=timezone.now(), purpose=purpose)
    return users.filter(pk__in=waiting.values("user_id"))
