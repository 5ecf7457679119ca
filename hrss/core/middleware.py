import datetime
import functools
import hashlib
import uuid

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.module_loading import import_string

from hrss.core import audit
from hrss.core.models import IdempotencyRecord


def client_address(request):
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy rewrites it, and the
    # deployment guide puts the proxy's own address rewriting in front (see README).
    return request.META.get("REMOTE_ADDR", "")


class RequestContextMiddleware:
    """Puts the request's address and an id in the audit context for every service called during it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = uuid.uuid4().hex
        token = audit.set_origin(audit.Origin(ip_address=client_address(request), request_id=request.request_id))
        try:
            response = self.get_response(request)
        finally:
            audit.reset_origin(token)
        response["X-Request-ID"] = request.request_id
        return response


class RouteGuardMiddleware:
    """Refuses to run a view that was not classified as public, scoped or API (CommCare's pattern): a route added
    without going through `core.scoping` fails loudly instead of quietly serving data to everyone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        access = getattr(view_func, "hrss_access", None)
        if access is None and hasattr(view_func, "view_class"):
            access = getattr(view_func.view_class, "hrss_access", None)
        if access is None:
            raise ImproperlyConfigured(
                f"view {view_func.__module__}.{view_func.__name__} is not classified: "
                "wrap it with permissions.staff_view(...) or scoping.public"
            )
        return None


class NoStoreForStaffMiddleware:
    """Every page a logged-in user sees may hold personal data: tell browsers and proxies not to keep a copy
    (PIPL residual data; the shared office computer of a village station)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith("/static/"):
            response["Cache-Control"] = "no-store"
        return response


IDEMPOTENCY_HEADER = "Idempotency-Key"
IDEMPOTENCY_KEEP = datetime.timedelta(hours=24)
IDEMPOTENCY_ABANDONED = datetime.timedelta(minutes=10)


ONCE_FIELD = "_once"  # a form's one-time token: {% once %} (core/templatetags/hrss_tags.py)


@functools.cache
def _api_client_rule():
    # The API layer's rule, named by settings.HRSS_API_CLIENT: core imports nothing from the layers above it.
    return import_string(settings.HRSS_API_CLIENT)


def _api_client(request):
    """The API token a request authenticates with, as the client its keys belong to; "" when the API would refuse
    the token (unknown, revoked, expired, a disabled account or one that must change its password): then nothing
    is replayed, and the API itself answers 401."""
    return _api_client_rule()(request)


def _form_client(request):
    """The signed-in user and the region they work in now, as the client of a form's one-time token (an account
    moved to another region gets no replay of what it was answered in the old one); "" for anyone else."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.region_id is None:
        return ""
    return f"user:{user.pk}@{user.region.code}"


class IdempotencyMiddleware:
    """A POST is answered once per key, so a retry never creates a second record:
    - an API POST with an `Idempotency-Key` header (per API token, once the token is known to be valid): a retry
      gets the first answer back, marked
      `Idempotent-Replayed: true`; the same key with a different request is refused (422);
    - a form carrying a one-time `_once` token (per signed-in user): a double click or a resubmitted page goes
      where the first submission went, instead of saving twice.
    The client includes the region its account works in, so that an account moved since gets no replay of an
    answer given in its old scope: its retry is a new request. A replay is no-store, as the first answer was.
    A retry while the first is still running gets 409. Answers are kept for 24 hours; a server error is not kept,
    so the client may retry it; a request whose process died before answering leaves a placeholder that a retry
    takes over after 10 minutes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST":
            return self.get_response(request)
        if request.path.startswith("/api/"):
            key = request.headers.get(IDEMPOTENCY_HEADER, "").strip()
            client = _api_client(request) if key else ""
            is_form = False
        else:
            # request.POST is read anyway before any view, by the CSRF check.
            key = request.POST.get(ONCE_FIELD, "").strip()
            client = _form_client(request)
            is_form = True
        if not key or not client:
            return self.get_response(request)
        if len(key) > 100:
            return JsonResponse({"detail": "Idempotency-Key 不能超过100个字符。"}, status=422)
        return self._once(request, hashlib.sha256(client.encode()).hexdigest(), key, is_form)

    def _once(self, request, client, key, is_form):
        fingerprint = hashlib.sha256(request.path.encode() + b"\n" + (b"" if is_form else request.body)).hexdigest()
        now = timezone.now()
        found = IdempotencyRecord.objects.filter(client=client, key=key, created_at__gte=now - IDEMPOTENCY_KEEP).first()
        if found is not None and found.status_code is None and found.created_at < now - IDEMPOTENCY_ABANDONED:
            found = None  # its process died before answering: nothing was committed for it, so start again
        if found is None:
            IdempotencyRecord.objects.filter(client=client, key=key).delete()  # an expired or abandoned one
            try:
                with transaction.atomic():
                    record = IdempotencyRecord.objects.create(client=client, key=key, fingerprint=fingerprint)
            except IntegrityError:  # the same key arrived twice at once: the other is being answered
                return self._in_flight(is_form)
            response = self.get_response(request)
            # A form answered with a page (errors to correct) may be sent again as it is: only its redirect,
            # which follows a save, is kept. An answer marked no-store (a search: personal data, and nothing to
            # repeat) is not kept either.
            if (response.status_code >= 500 or (is_form and not 300 <= response.status_code < 400)
                    or "no-store" in response.get("Cache-Control", "")):
                record.delete()
            else:
                IdempotencyRecord.objects.filter(pk=record.pk).update(
                    status_code=response.status_code, content_type=response.get("Content-Type", ""),
                    location=response.get("Location", ""), body=b"" if is_form else response.content)
            return response
        if found.fingerprint != fingerprint:
            return JsonResponse({"detail": "该 Idempotency-Key 已用于另一个请求，请为新的请求使用新的键。"}, status=422)
        if found.status_code is None:
            return self._in_flight(is_form)
        if is_form:
            replay = HttpResponseRedirect(found.location)
        else:
            replay = HttpResponse(bytes(found.body), status=found.status_code, content_type=found.content_type)
            replay["Idempotent-Replayed"] = "true"
        replay["Cache-Control"] = "no-store"  # as the first answer: it may hold personal data
        return replay

    @staticmethod
    def _in_flight(is_form):
        message = "相同的提交正在处理，请稍后刷新页面查看结果。" if is_form else "相同 Idempotency-Key 的请求正在处理，请稍后重试。"
        return JsonResponse({"detail": message}, status=409) if not is_form else HttpResponse(message, status=409)


class NulCharacterMiddleware:
    """A page's query string or form holding a NUL character (%00) is refused with a 400 saying so, before any view:
    PostgreSQL cannot store or even compare text with NUL (a search for it was a 500 there), and SQLite read it as
    a wildcard in a region picker. The API answers such input itself (422, its schema's Chinese message)."""

    MESSAGE = "请求中含有不可见的控制字符（NUL），请删除后重试。"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/") and (self._holds_nul(request.GET) or (
                request.method == "POST" and self._holds_nul(request.POST))):
            from django.core.exceptions import BadRequest

            raise BadRequest(self.MESSAGE)
        return self.get_response(request)

    @staticmethod
    def _holds_nul(data):
        return any("\x00" in key or any("\x00" in value for value in data.getlist(key)) for key in data)


class ApiMethodNotAllowedMiddleware:
    """An API path asked with a method it does not take (DELETE on a petition, PUT anywhere) answers 405 in JSON,
    in Chinese, naming the methods it takes (django-ninja answers a bare text/html "Method not allowed")."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and request.path.startswith("/api/") and (
                "json" not in response.get("Content-Type", "")):
            from django.http import JsonResponse

            allowed = response.get("Allow", "")
            json_response = JsonResponse(
                {"detail": f"此接口不支持 {request.method} 请求" + (f"，可用：{allowed}。" if allowed else "。")},
                status=405)
            if allowed:
                json_response["Allow"] = allowed
            return json_response
        return response
