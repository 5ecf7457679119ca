"""Rate limits for what a script could hammer: the API (per token), exports (per user) and login attempts (per
address). Counts live in the database (RateCount), so every server process shares them; the limits are settings
(HRSS_RATE_LIMITS: scope -> (requests, seconds)), counted over a sliding window (allow). Past a limit the answer
is 429 with Retry-After."""

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

# A window is counted in slices (RateCount rows): a slice counts while it started within the last `seconds`, so the
# window slides by one slice at a time (a second of a minute, a minute of an hour), and a request leaves the count
# at most one slice early.
SLICES = 60


def _slice_start(now, seconds):
    width = seconds * 1_000_000 // SLICES  # microseconds
    since_epoch = (now - EPOCH) // datetime.timedelta(microseconds=1)
    return EPOCH + datetime.timedelta(microseconds=since_epoch - since_epoch % width)


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def allow(scope, who, *, now=None):
    """Count one request of `who` in `scope`; (allowed, whole seconds until a request would be allowed again, 0
    while allowed).

    A sliding window: the requests of the last `seconds` are counted, so a burst at the end of one clock period
    still counts at the start of the next (fixed windows let nearly twice the limit through across their boundary).
    A refused request is not counted: Retry-After says when the oldest requests leave the window."""
    limit, seconds = settings.HRSS_RATE_LIMITS[scope]
    now = now or timezone.now()
    start = _slice_start(now, seconds)
    oldest = now - datetime.timedelta(seconds=seconds)  # a slice that started at or before this no longer counts
    key = hashlib.sha256(who.encode()).hexdigest()
    mine = RateCount.objects.filter(scope=scope, key=key)
    with transaction.atomic():
        RateCount.objects.bulk_create([RateCount(scope=scope, key=key, window_start=start)], ignore_conflicts=True)
        # The UPDATE locks this slice's row: concurrent requests of one caller are counted one after the other.
        mine.filter(window_start=start).update(count=F("count") + 1)
        slices = list(mine.filter(window_start__gt=oldest).order_by("window_start").values_list("window_start",
                                                                                               "count"))
        if sum(count for _start, count in slices) <= limit:
            if slices[-1][1] == 1:  # a new slice: the ones out of the window are of no use any more
                mine.filter(window_start__lte=oldest).delete()
            return True, 0
        mine.filter(window_start=start).update(count=F("count") - 1)
    # Allowed again when enough of the oldest slices have left the window to leave room for one more request.
    counted = [(slice_start, count - (slice_start == start)) for slice_start, count in slices]  # without this one
    to_leave = sum(count for _start, count in counted) + 1 - limit
    for slice_start, count in counted:
        to_leave -= count
        if to_leave <= 0:
            left_at = slice_start + datetime.timedelta(seconds=seconds)
            return False, max(1, math.ceil((left_at - now).total_seconds()))
    return False, seconds  # a limit of 0: never


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
