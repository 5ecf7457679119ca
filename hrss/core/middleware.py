import uuid

from django.core.exceptions import ImproperlyConfigured

from hrss.core import audit


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
