"""Login events come from django.contrib.auth and django-axes as signals; these receivers only write the audit
entries for them (the one place signals are used for more than cache invalidation, since auth offers no other
hook)."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from hrss.accounts.middleware import LOGIN_TIME_KEY
from hrss.core import audit
from hrss.core.models import AuditEntry


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_TIME_KEY] = timezone.now().timestamp()
    audit.record(actor=user, action="accounts.login", target=user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit.record(actor=user, action="accounts.logout", target=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    if request is not None and getattr(request, "axes_locked_out", False):
        return  # the lockout itself is recorded once, below; attempts while locked are not new failures
    username = str(credentials.get("username", ""))[:150]
    audit.record(actor=None, action="accounts.login_failed", outcome=AuditEntry.Outcome.FAILED, note=username,
                 region_code=_region_code_of_username(username))


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    audit.record(actor=None, action="accounts.locked_out", outcome=AuditEntry.Outcome.DENIED,
                 note=str(username)[:150], region_code=_region_code_of_username(username))


def _region_code_of_username(username):
    from hrss.accounts.models import User

    return User.objects.filter(username=username).values_list("region__code", flat=True).first() or ""
