"""Everything about scope lives here: which regions and records a staff user may see and act on.

Every scoped record carries the 12-digit code of the region it belongs to. A user's scope is their region and
everything below it, which is one range test on that code: a county user (441602) sees codes from 441602000000
to 441602999999. Codes are fixed-length digit strings, so the range compares the same on every collation and
uses a plain B-tree index on SQLite and PostgreSQL alike. No other module tests region codes for scope.

Views are classified too (see `mark_view`): a view that is neither public nor declared scoped is refused by
`core.middleware.RouteGuardMiddleware`, and tests/core/test_scope_sweep.py fails on it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import Substr
from django.http import Http404

from hrss.core.models import CODE_LENGTH, PREFIX_LENGTH, AuditEntry, Level, Region, ReviewCase

# --- the parts of a region code -----------------------------------------------------------------------------
# Only this module knows how a code is built (ADR 0001): province 2 + city 2 + county 2 + township 3 + village 3
# digits. Everyone else asks here (tests/core/test_region_code_parts.py fails on a code sliced elsewhere).


def code_prefix(code, level):
    """The digits of `code` that name its region at `level`: 441602 for the county of 441602001003."""
    return code[: PREFIX_LENGTH[level]]


def code_of_prefix(prefix):
    """The 12-digit code a prefix names: 441602 -> 441602000000."""
    return prefix.ljust(CODE_LENGTH, "0")


def ancestor_code(code, level):
    """The 12-digit code of the region at `level` that `code` lies in (`code` itself at its own level)."""
    return code_of_prefix(code_prefix(code, level))


def county_code_of(code):
    """The six digits of the county (县级) a code lies in, as ID numbers and certificate numbers write it (441602)."""
    return code_prefix(code, Level.COUNTY)


def township_code_of(code):
    """The 12-digit code of the township a village lies in (441602001003 -> 441602001000)."""
    return ancestor_code(code, Level.TOWNSHIP)


def code_range(prefix):
    """The first and last 12-digit code under a prefix."""
    return code_of_prefix(prefix), prefix.ljust(CODE_LENGTH, "9")


def level_of_code(code):
    """The level a 12-digit code names, from its trailing zeros (441602001000 is a township)."""
    if len(code) != CODE_LENGTH or not code.isdigit():
        return None
    if code[2:] == "0" * 10:
        return Level.PROVINCE
    if code[4:] == "0" * 8:
        return Level.CITY
    if code[6:] == "0" * 6:
        return Level.COUNTY
    if code[9:] == "000":
        return Level.TOWNSHIP
    return Level.VILLAGE


def code_is_within(code, ancestor_code):
    """True when `code` is `ancestor_code` itself or lies below it."""
    level = level_of_code(ancestor_code)
    if level is None or not code:
        return False
    return code.startswith(code_prefix(ancestor_code, level))


def ancestor_codes(code):
    """The codes of every region above `code`, from the province down (excluding `code`)."""
    level = level_of_code(code)
    if level is None:
        return []
    return [ancestor_code(code, upper) for upper in Level if upper < level]


# --- the user's scope -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    region: Region | None

    @property
    def is_empty(self):
        return self.region is None or not self.region.is_active

    @property
    def bounds(self):
        return code_range(self.region.prefix)

    def contains_code(self, code):
        return not self.is_empty and bool(code) and code_is_within(code, self.region.code)


def scope_of(user):
    """The scope of a user: fails closed (empty) without a login, a region, or with an inactive region.

    The region is read fresh on every request (the user object is loaded per request), so moving a user to
    another region takes effect on their next request.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return Scope(region=None)
    return Scope(region=user.region if user.region_id else None)


# --- the registry of scoped models ------------------------------------------------------------------------

_registry = {}
_historical = set()


def register(model, *, code_field="region_code", historical=False):
    """Declare that `model` is scoped by the region code in `code_field` (a field or a `__` path).

    `historical` records keep the code they were written with when a village is moved or merged (the audit trail
    says where something happened at the time); all others follow their village to its new code.
    """
    _registry[model] = code_field
    if historical:
        _historical.add(model)
    return model


def models_following_region_changes():
    """(model, field) pairs whose region code must be rewritten when a village's code changes."""
    return [
        (model, field)
        for model, field in _registry.items()
        if model not in _historical and "__" not in field and model is not Region
    ]


def code_field_of(model):
    try:
        return _registry[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not registered with hrss.core.scoping") from None


def visible_to(user, queryset):
    """The part of `queryset` that lies inside the user's scope."""
    field = code_field_of(queryset.model)
    scope = scope_of(user)
    if scope.is_empty:
        return queryset.none()
    return queryset.filter(**{f"{field}__range": scope.bounds})


def within_region(queryset, region):
    """Restrict a queryset (already scoped, or for statistics) to one region's subtree."""
    field = code_field_of(queryset.model)
    return queryset.filter(**{f"{field}__range": code_range(region.prefix)})


def counts_by_child(queryset, children, *, distinct="pk"):
    """{child code: number of distinct `distinct` values} among the rows of `queryset` lying under each of
    `children` (regions of one level), in one query grouped by the children's code prefix."""
    if not children:
        return {}
    length = PREFIX_LENGTH[children[0].level]
    grouped = (queryset.order_by().annotate(child_prefix=Substr(code_field_of(queryset.model), 1, length))
               .values("child_prefix").annotate(count=Count(distinct, distinct=True)))
    found = {row["child_prefix"]: row["count"] for row in grouped}
    return {child.code: found.get(child.prefix, 0) for child in children}


def get_visible_or_404(model_or_queryset, user, **lookup):
    """Fetch one object in the user's scope; out of scope looks exactly like "does not exist"."""
    queryset = (
        model_or_queryset._default_manager.all() if isinstance(model_or_queryset, type) else model_or_queryset
    )
    try:
        return visible_to(user, queryset).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def regions_visible_to(user):
    return visible_to(user, Region.objects.filter(is_active=True))


def get_region_or_404(user, code):
    return get_visible_or_404(Region.objects.filter(is_active=True), user, code=code)


def region_from_request(request):
    """The region a page is about: ?region=CODE inside the user's scope (404 outside it), or the user's own."""
    code = request.GET.get("region") or request.POST.get("region")
    if code:
        return get_region_or_404(request.user, code)
    scope = scope_of(request.user)
    if scope.is_empty:
        raise PermissionDenied
    return scope.region


def breadcrumb(user, region):
    """The path from the top of the user's scope down to `region` (never above the user's own region)."""
    scope = scope_of(user)
    if scope.is_empty:
        return []
    codes = [*ancestor_codes(region.code), region.code]
    codes = [code for code in codes if scope.contains_code(code)]
    by_code = {r.code: r for r in Region.objects.filter(code__in=codes)}
    return [by_code[code] for code in codes if code in by_code]


register(Region, code_field="code")
register(AuditEntry, historical=True)
register(ReviewCase, code_field="region_code")


# --- view classification ----------------------------------------------------------------------------------

PUBLIC = "public"
SCOPED = "scoped"
API = "api"


def mark_view(view, access):
    view.hrss_access = access
    return view


def public(view):
    """Mark a view as reachable without a login and holding no scoped data (login page, health check)."""
    return mark_view(view, PUBLIC)
