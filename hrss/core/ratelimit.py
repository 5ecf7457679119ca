"""Rate limits for what a script could hammer: the API (per token), exports (per user) and login attempts (per
address). Counts live in the database (RateCount), so every server process shares them; the limits are settings
(HRSS_RATE_LIMITS: scope -> (requests, seconds)). Past a limit the answer is 429 with Retry-After."""

import datetime
import hashlib
import math
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse, JsonResponse
from django.shortcuts import resolve_url
from django.utils import timezone

from hrss.core.middleware import client_address
from hrss.core.models import RateCount


def _window_start(now, seconds):
    epoch = int(now.timestamp())
    return datetime.datetime.fromtimestamp(epoch - epoch % seconds, tz=datetime.UTC)


def allow(scope, who, *, now=None):
    """Count one request of `who` in `scope`; (allowed, seconds until the window ends)."""
    limit, seconds = settings.HRSS_RATE_LIMITS[scope]
    now = now or timezone.now()
    start = _window_start(now, seconds)
    key = hashlib.sha256(who.encode()).hexdigest()
    with transaction.atomic():
        RateCount.objects.bulk_create([RateCount(scope=scope, key=key, window_start=start)], ignore_conflicts=True)
        RateCount.objects.filter(scope=scope, key=key, window_start=start).update(count=F("count") + 1)
        count = RateCount.objects.get(scope=scope, key=key, window_start=start).count
        if count == 1:  # a new window: the old ones of this caller are of no use any more
            RateCount.objects.filter(scope=scope, key=key, window_start__lt=start).delete()
    remaining = (start + datetime.timedelta(seconds=seconds) - now).total_seconds()
    retry_after = max(1, math.ceil(remaining))  # whole seconds, never past the window's end
    return count <= limit, retry_after


def too_many(retry_after, *, json=False):
    message = f"请求过于频繁，请 {retry_after} 秒后再试。"
    response = JsonResponse({"detail": message}, status=429) if json else HttpResponse(message, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def per_user(scope):
    """Decorator for a staff view (after login_required): at most the scope's limit per user."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            allowed, retry_after = allow(scope, f"user:{request.user.pk}")
            if not allowed:
                return too_many(retry_after)
            return view(request, *args, **kwargs)

        return limited

    return decorator


class RateLimitMiddleware:
    """The API per token, and login attempts per address (axes locks a username after 5 failures; this stops one
    address from trying many usernames)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and request.headers.get("Authorization"):
            allowed, retry_after = allow("api", "token:" + request.headers["Authorization"])
            if not allowed:
                return too_many(retry_after, json=True)
        elif request.method == "POST" and request.path == resolve_url(settings.LOGIN_URL):
            allowed, retry_after = allow("login", "address:" + client_address(request))
            if not allowed:
                return too_many(retry_after)
        return self.get_response(request)
