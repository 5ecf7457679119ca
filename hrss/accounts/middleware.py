from datetime import timedelta

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

LOGIN_TIME_KEY = "hrss_login_at"


class SessionLimitsMiddleware:
    """The idle limit is the cookie age (renewed on each request); this adds the absolute limit since login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.get(LOGIN_TIME_KEY)
            limit = timedelta(hours=settings.HRSS_SESSION_ABSOLUTE_HOURS)
            if started is None:
                request.session[LOGIN_TIME_KEY] = timezone.now().timestamp()
            elif timezone.now().timestamp() - started > limit.total_seconds():
                logout(request)
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


class PasswordChangeRequiredMiddleware:
    """Sends a user who must change their password (first login, reset, or older than the maximum age) to the
    change page before anything else."""

    ALLOWED_NAMES = {"accounts:password-change", "accounts:logout"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or request.path.startswith("/api/"):
            return None
        if request.resolver_match and request.resolver_match.view_name in self.ALLOWED_NAMES:
            return None
        if password_change_due(user):
            return redirect(reverse("accounts:password-change"))
        return None


def password_change_due(user):
    if user.must_change_password:
        return True
    max_age = settings.HRSS_PASSWORD_MAX_AGE_DAYS
    if max_age and user.password_changed_at:
        return timezone.now() - user.password_changed_at > timedelta(days=max_age)
    return False
