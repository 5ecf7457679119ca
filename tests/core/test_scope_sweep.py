"""Every URL route, every API operation and every write service, tried by users of a neighbouring village and a
neighbouring county against data of 下城社区 (源城区): nothing outside their scope can be read or changed, and out of
scope looks exactly like "not found" (404) on pages and in the API. A write service called directly by an outsider
raises PermissionDenied (the views and the API fetch through core.scoping first, which is where the 404 comes from),
changes nothing and leaves a DENIED audit entry.

This module is the sweep's engine, with core's and accounts' rows. Each business area keeps its own rows in its
module `sweep.py` (`ROWS = core.areas.SweepRows(...)`), found here for every installed app without naming any. A
route, an API operation or a public function of an area's service modules missing from every table fails
`test_every_route_is_covered`, `test_every_api_operation_is_covered` or `test_every_write_service_is_swept`: adding
one means saying how it is scoped.
"""

import hashlib
import importlib
import inspect
import io
import json

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.module_loading import module_has_submodule

from hrss.accounts import services as account_services
from hrss.accounts.models import ApiToken, PasswordReset, RoleGrant, User
from hrss.api.urls import api
from hrss.core import audit, regions, review, scoping, workdays
from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import (
    AuditEntry,
    CalendarDay,
    CalendarYear,
    Region,
    RegionEvent,
    ReviewCase,
    ReviewDecision,
)
from hrss.core.permissions import Role
from hrss.core.regions import load_regions
from tests.conftest import (
    CITY,
    COUNTY,
    NEIGHBOUR_COUNTY,
    NEIGHBOUR_COUNTY_TOWNSHIP,
    NEIGHBOUR_COUNTY_VILLAGE,
    NEIGHBOUR_VILLAGE,
    PASSWORD,
    TOWNSHIP,
    VILLAGE,
    frozen_now,
)

OUTSIDERS = ["neighbour_village_assistant", "neighbour_county_officer"]
SYSTEM_ADMIN = ["neighbour_county_system_admin"]
SECURITY_ADMIN = ["neighbour_county_security_admin"]

PUBLIC_ROUTES = {"accounts:login", "accounts:logout", "accounts:password-reset", "core:healthz",
                 # The citizen's rating of a service with the code on their receipt: no account, no region's list.
                 "supervision:ratings-rate"}

# Routes that change data held for the whole deployment, not for a region: only an administrator whose scope
# covers the deployment may use them (tests/core/test_calendar_views.py refuses a county's administrator).
DEPLOYMENT_ROUTES = {"core:calendar-upload", "core:classifications-upload"}


def _a_case_of_the_village():
    """A review case of 下城社区 (an area with a review chain made one in its objects)."""
    return ReviewCase.objects.filter(region_code=VILLAGE).order_by("pk").first()


# The tables, by kind (an area's sweep.py keys its own the same way):
# list_routes: route -> {"outsiders", "query"}: an outsider's page must not show 下城社区's data.
# region_param_routes: route -> {"outsiders", "lists_people"}: ?region= naming 下城社区 (or its township) answers
#   404 to outsiders; for someone in scope the page lists 张三 when lists_people.
# object_routes: route -> (URL parameters, outsiders, POST data): outsiders get 404 on every method.
# create_routes: route -> (outsiders, POST data naming 下城社区): an outsider creates nothing.
# api_reads: GET path template -> its parameters; api_writes: POST path template (or "PATCH <template>", and so on
# for another method) -> (parameters, body).
# A parameter or body value naming a persona stands for the persona's primary key.
CORE_ROWS = SweepRows(
    list_routes={
        "core:home": {"outsiders": OUTSIDERS, "query": {}},
        "core:region-search": {"outsiders": OUTSIDERS, "query": {"q": "下城"}},
        "core:region-options": {"outsiders": ["neighbour_village_assistant", "neighbour_county_system_admin"],
                                "query": {"q": "下城"}},
        "core:audit-list": {"outsiders": ["neighbour_county_auditor"], "query": {}},
        # The national holiday arrangement: the same page for everyone.
        "core:calendar": {"outsiders": OUTSIDERS, "query": {}},
        # The national occupation classification: the same page for every administrator who may import it.
        "core:classifications": {"outsiders": ["neighbour_county_system_admin"], "query": {}},
    },
    object_routes={
        "core:region-detail": ({"code": VILLAGE}, OUTSIDERS, {}),
        "core:region-rename": ({"code": VILLAGE}, SYSTEM_ADMIN, {"new_name": "被篡改", "effective_date": "2026-01-01"}),
        "core:region-move": ({"code": VILLAGE}, SYSTEM_ADMIN, {"new_township_code": NEIGHBOUR_COUNTY_TOWNSHIP,
                                                               "effective_date": "2026-01-01"}),
        "core:region-merge": ({"code": VILLAGE}, SYSTEM_ADMIN, {"target_code": NEIGHBOUR_COUNTY_VILLAGE,
                                                                "effective_date": "2026-01-01"}),
        "core:region-central-town": ({"code": TOWNSHIP}, SYSTEM_ADMIN, {"is_central_town": "1"}),
    },
    api_reads={
        "/api/v1/regions/{code}": {"code": VILLAGE},
        "/api/v1/regions/{code}/children": {"code": TOWNSHIP},
    },
    state=lambda: [Region, RegionEvent, ReviewCase, ReviewDecision, CalendarDay, CalendarYear],
    writes=[
        SweepWrite(regions.rename_region, lambda p: {"region": Region.objects.get(code=VILLAGE), "new_name": "被篡改"},
                   SYSTEM_ADMIN),
        SweepWrite(regions.move_village, lambda p: {
            "village": Region.objects.get(code=VILLAGE),
            "new_township": Region.objects.get(code=NEIGHBOUR_COUNTY_TOWNSHIP)}, SYSTEM_ADMIN),
        SweepWrite(regions.merge_villages, lambda p: {
            "source": Region.objects.get(code=VILLAGE), "target": Region.objects.get(code=NEIGHBOUR_COUNTY_VILLAGE)},
                   SYSTEM_ADMIN),
        SweepWrite(regions.set_central_town, lambda p: {"township": Region.objects.get(code=TOWNSHIP),
                                                        "is_central_town": True}, SYSTEM_ADMIN),
        SweepWrite(regions.load_regions, lambda p: {}, SYSTEM_ADMIN),
        SweepWrite(workdays.load_arrangement, lambda p: {"days": {}, "years": [2027], "source": "越权"},
                   SYSTEM_ADMIN),
        SweepWrite(review.check_intake, lambda p: {"chain": review.registered_chains()[0], "region_code": VILLAGE}),
        SweepWrite(review.open_case, lambda p: {"chain": review.registered_chains()[0], "region_code": VILLAGE,
                                                "subject_id_number": "", "title": "越权"}),
        SweepWrite(review.check_move, lambda p: {"case": _a_case_of_the_village(), "action": "reject",
                                                 "version": _a_case_of_the_village().version, "reason": "越权"}),
        SweepWrite(review.act, lambda p: {"case": _a_case_of_the_village(), "action": "reject",
                                          "version": _a_case_of_the_village().version, "reason": "越权"}),
    ],
    services=[regions, review, workdays],
    not_swept={
        regions.heyuan_rows: "reads the bundled data",
        regions.village_display_name: "formats a name",
        review.apply_move: "a step of a domain service, inside its transaction, after its check_move",
        review.allowed_actions: "reads",
        review.chain_of: "reads",
        review.queue_for: "reads, through core.scoping",
        review.register_chain: "configuration, at start-up",
        review.registered_chains: "reads",
        review.timing: "reads",
        review.fill_missing_due_dates: "a hook run inside load_arrangement's transaction, for the whole deployment",
        review.after_case_closed: "configuration, at start-up",
        workdays.add_working_days: "reads",
        workdays.is_working_day: "reads",
        workdays.whole_and_reaching: "reads a parsed file",
        workdays.next_year_pending: "reads: the home page's pending work",
        workdays.after_arrangement_loaded: "configuration, at start-up",
        workdays.load_seed: "the migration's and the server operator's: no actor",
        workdays.parse_arrangement: "reads",
        workdays.read_arrangement_file: "reads a file",
    },
)

ACCOUNTS_ROWS = SweepRows(
    list_routes={
        "accounts:user-list": {"outsiders": SYSTEM_ADMIN, "query": {}},
        # Changes only the caller's own password; it reads no one else's data.
        "accounts:password-change": {"outsiders": ["neighbour_county_officer"], "query": {}},
    },
    object_routes={
        "accounts:user-detail": ({"pk": "village_assistant"}, [*SYSTEM_ADMIN, *SECURITY_ADMIN], {}),
        "accounts:user-edit": ({"pk": "village_assistant"}, SYSTEM_ADMIN,
                               {"full_name": "被篡改", "phone": "1", "region": NEIGHBOUR_COUNTY_VILLAGE}),
        "accounts:user-roles": ({"pk": "village_assistant"}, SECURITY_ADMIN, {"roles": ["village_assistant"]}),
        "accounts:user-set-active": ({"pk": "village_assistant"}, SYSTEM_ADMIN, {"active": "0"}),
        "accounts:user-reset-password": ({"pk": "village_assistant"}, SYSTEM_ADMIN, {}),
        "accounts:user-reset-approve": ({"pk": "village_assistant"}, SECURITY_ADMIN, {}),
        "accounts:user-unlock": ({"pk": "village_assistant"}, SECURITY_ADMIN, {}),
    },
    create_routes={
        "accounts:user-create": (SYSTEM_ADMIN, {"username": "intruder", "full_name": "x", "region": VILLAGE}),
    },
    state=lambda: [User.objects.values_list("pk", "full_name", "phone", "region_id", "is_active", "password"),
                   RoleGrant.objects.values_list("user_id", "role"),
                   ApiToken.objects.values_list("pk", "user_id", "expires_at", "revoked_at"),  # not last_used_at
                   PasswordReset],
    writes=[
        SweepWrite(account_services.open_account, lambda p: {"username": "intruder",
                                                             "region": Region.objects.get(code=VILLAGE)}, SYSTEM_ADMIN),
        SweepWrite(account_services.update_user, lambda p: {
            "user": p["village_assistant"], "full_name": "被篡改", "phone": "",
            "region": Region.objects.get(code=VILLAGE)}, SYSTEM_ADMIN),
        SweepWrite(account_services.set_roles, lambda p: {"user": p["village_assistant"],
                                                          "roles": ["township_officer"]}, SECURITY_ADMIN),
        SweepWrite(account_services.set_active, lambda p: {"user": p["village_assistant"], "active": False},
                   SYSTEM_ADMIN),
        SweepWrite(account_services.request_password_reset, lambda p: {"user": p["village_assistant"]}, SYSTEM_ADMIN),
        SweepWrite(account_services.approve_password_reset, lambda p: {"user": p["village_assistant"]},
                   SECURITY_ADMIN),
        SweepWrite(account_services.unlock_user, lambda p: {"user": p["village_assistant"]}, SECURITY_ADMIN),
        SweepWrite(account_services.create_token, lambda p: {"user": p["village_assistant"]}, SYSTEM_ADMIN),
        SweepWrite(account_services.revoke_tokens, lambda p: {"user": p["village_assistant"], "every": True},
                   SYSTEM_ADMIN),
    ],
    services=[account_services],
    not_swept={
        account_services.create_user: "the server operator's path: refuses any actor",
        account_services.complete_password_reset: "the person's own act, proved by both halves of the code",
        account_services.change_own_password: "the person's own password, proved by the old one",
        account_services.end_sessions_of: "a step of set_active and approve_password_reset, and of logging out",
        account_services.generate_initial_password: "makes a password",
        account_services.pending_reset_of: "reads",
        account_services.purpose_for: "reads",
    },
)


def area_rows():
    """(app label, ROWS) of every installed app with a module `sweep`, in the order of INSTALLED_APPS."""
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "sweep"):
            found.append((config.label, importlib.import_module(f"{config.name}.sweep").ROWS))
    return found


ALL_ROWS = [("core", CORE_ROWS), ("accounts", ACCOUNTS_ROWS), *area_rows()]


def merged(table):
    found = {}
    for label, rows in ALL_ROWS:
        for key, value in getattr(rows, table).items():
            assert key not in found, f"{key} is in the {table} of two areas (the second: {label})"
            found[key] = value
    return found


LIST_ROUTES = merged("list_routes")
REGION_PARAM_ROUTES = merged("region_param_routes")
OBJECT_ROUTES = merged("object_routes")
CREATE_ROUTES = merged("create_routes")
API_OPERATIONS = merged("api_reads")
API_WRITES = merged("api_writes")
API_UNSCOPED_READS = merged("api_unscoped_reads")
WRITES = [write for _label, rows in ALL_ROWS for write in rows.writes]


def all_routes(patterns=None, prefix="", namespace=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner_ns = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            yield from all_routes(pattern.url_patterns, prefix + str(pattern.pattern), inner_ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".strip(":") if pattern.name else None
            yield name, prefix + str(pattern.pattern), pattern.callback


PERSONAS = {  # name: (username, region, role)
    "village_assistant": ("alice", VILLAGE, Role.VILLAGE_ASSISTANT),
    "neighbour_village_assistant": ("bob", NEIGHBOUR_VILLAGE, Role.VILLAGE_ASSISTANT),
    "county_officer": ("carl", COUNTY, Role.COUNTY_OFFICER),
    "neighbour_county_officer": ("nina", NEIGHBOUR_COUNTY, Role.COUNTY_OFFICER),
    "system_admin": ("sam", CITY, Role.SYSTEM_ADMIN),
    "neighbour_county_system_admin": ("zsam", NEIGHBOUR_COUNTY, Role.SYSTEM_ADMIN),
    "neighbour_county_security_admin": ("zsec", NEIGHBOUR_COUNTY, Role.SECURITY_ADMIN),
    "neighbour_county_auditor": ("zaudit", NEIGHBOUR_COUNTY, Role.AUDIT_ADMIN),
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Heyuan's regions, the personas and every area's sweep objects, made once for the module (they are the same
    for its ~700 tests) inside a transaction rolled back after the module's last test, at the suite's frozen
    instant. Each test runs in a savepoint of that transaction (pytest-django's db), so what a test writes is
    undone after it, as for any test."""
    with (django_db_blocker.unblock(), time_machine.travel(frozen_now(), tick=False),
          override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_regions(actor=None)
            heyuan = {region.code: region for region in Region.objects.all()}
            found = {}
            for name, (username, code, role) in PERSONAS.items():
                found[name] = account_services.create_user(
                    actor=None, username=username, region=heyuan[code], roles=[role], password=PASSWORD,
                    full_name=username, must_change=False)[0]
            for _label, rows in ALL_ROWS:
                if rows.objects is not None:
                    found.update(rows.objects(found))
            yield heyuan, found
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def heyuan(world, db):
    return world[0]


@pytest.fixture
def personas(world, db):
    return world[1]


def resolved(values, personas):
    """The table's values with each persona's name replaced by its primary key."""
    return {key: personas[value].pk if isinstance(value, str) and value in personas else value
            for key, value in values.items()}


def fill(pattern, kwargs):
    path = "/" + pattern
    for key, value in kwargs.items():
        path = path.replace(f"<int:{key}>", str(value)).replace(f"<str:{key}>", str(value))
    return path


def _rows(part):
    if isinstance(part, type) and issubclass(part, Model):
        part = part._default_manager.all()
    if isinstance(part, QuerySet):
        if part._iterable_class is ModelIterable:  # rows of objects: every column counts
            part = part.values_list(*[field.attname for field in part.model._meta.concrete_fields])
        return list(part.order_by("pk"))
    return list(part)


def state_digest():
    """Everything a scoped write could change, as core, accounts and each area say: equal before and after means
    nothing changed. (Audit entries are not in it: a refusal adds one.)"""
    parts = [_rows(part) for _label, rows in ALL_ROWS if rows.state is not None for part in rows.state()]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def denied_entries(user):
    return AuditEntry.objects.filter(actor=user, outcome=AuditEntry.Outcome.DENIED).count()


def readable(response):
    """The text of a page, or of every cell of an .xlsx download."""
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        return " ".join(str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row)
    return response.content.decode()


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def token_for(user):
    return account_services.create_token(actor=None, user=user)


def write_id(write):
    return f"{write.service.__module__.removeprefix('hrss.')}.{write.service.__name__}"


# --- the tables are complete --------------------------------------------------------------------------------


def test_the_areas_rows_are_found_without_naming_them():
    labels = [label for label, _rows in ALL_ROWS]
    assert {"residents", "employment"} <= set(labels)
    assert labels.index("residents") < labels.index("employment")  # in the order of INSTALLED_APPS


def test_every_route_is_covered():
    missing = []
    for name, pattern, callback in all_routes():
        if name and name.startswith("api:"):
            continue  # covered operation by operation from the OpenAPI document below
        access = getattr(callback, "hrss_access", None)
        assert access in {scoping.PUBLIC, scoping.SCOPED}, f"{name} ({pattern}) is not classified"
        if access == scoping.PUBLIC:
            assert name in PUBLIC_ROUTES, f"{name} is public but not listed as public here"
        elif not any(name in table for table in (LIST_ROUTES, OBJECT_ROUTES, CREATE_ROUTES, DEPLOYMENT_ROUTES)):
            missing.append(f"{name} ({pattern})")
    assert not missing, f"routes without a scope case in this test or an area's sweep.py: {missing}"


def test_every_api_operation_is_covered():
    paths = api.get_openapi_schema()["paths"]
    writes = {key.split(" ")[-1] for key in API_WRITES}  # "PATCH /api/v1/..." or "/api/v1/..." (a POST)
    assert set(paths) == set(API_OPERATIONS) | writes | set(API_UNSCOPED_READS), (
        "every API operation needs a scope case")
    for path, methods in paths.items():
        for method in set(methods) - {"get", "post"}:
            assert f"{method.upper()} {path}" in API_WRITES, f"{method.upper()} {path} needs its own scope case"


def public_functions(module):
    return {function for name, function in inspect.getmembers(module, inspect.isfunction)
            if function.__module__ == module.__name__ and not name.startswith("_")}


def test_every_write_service_is_swept():
    """A new public function in a module of write services fails here until it is swept (a SweepWrite) or said to be
    something else (not_swept, with why)."""
    unswept = []
    for label, rows in ALL_ROWS:
        swept = {write.service for write in rows.writes}
        assert not swept & set(rows.not_swept), f"{label}: a function both swept and not"
        for module in rows.services:
            for function in public_functions(module) - swept - set(rows.not_swept):
                unswept.append(f"{module.__name__}.{function.__name__}")
        for function in rows.not_swept:
            assert any(function in public_functions(module) for module in rows.services), (
                f"{label}: {function.__name__} is not a public function of the area's service modules")
    assert not unswept, f"write services the sweep does not call (add a SweepWrite, or say why in not_swept): {unswept}"


# --- routes and API operations ------------------------------------------------------------------------------


@pytest.mark.parametrize("path_template", sorted(API_WRITES))
def test_api_writes_answer_404_outside_scope(path_template, heyuan, personas):
    params, body = API_WRITES[path_template]
    method, _, template = path_template.rpartition(" ")
    path = template.format(**resolved(params, personas))
    body = resolved(body, personas)
    tokens = {outsider: token_for(personas[outsider]) for outsider in OUTSIDERS}
    before = state_digest()
    for outsider, token in tokens.items():
        response = getattr(Client(), (method or "post").lower())(
            path, body, content_type="application/json", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 404, f"{outsider} POST {path} -> {response.status_code}"
    assert state_digest() == before


@pytest.mark.parametrize("route", sorted(OBJECT_ROUTES))
def test_object_routes_answer_404_outside_scope(route, heyuan, personas):
    params, outsiders, post_data = OBJECT_ROUTES[route]
    pattern = next(p for n, p, _ in all_routes() if n == route)
    path = fill(pattern, resolved(params, personas))
    audit.record(actor=personas["village_assistant"], action="test.marker", target=personas["village_assistant"])
    clients = {outsider: client_for(personas[outsider]) for outsider in outsiders}
    before = state_digest()
    for outsider, client in clients.items():
        for method in ("get", "post"):
            response = getattr(client, method)(path, post_data if method == "post" else None)
            allowed = response.status_code == 405  # the route does not take this method at all
            assert allowed or response.status_code == 404, (
                f"{outsider} {method.upper()} {path} -> {response.status_code}, expected 404"
            )
    assert state_digest() == before, f"an outsider's request to {route} changed data"


def test_object_routes_work_for_someone_in_scope(heyuan, personas):
    """The positive control: the same paths answer the users whose scope they are in."""
    insiders = {"core:region-detail": personas["village_assistant"], "accounts:user-detail": personas["system_admin"],
                "accounts:user-edit": personas["system_admin"]}
    for route, insider in insiders.items():
        pattern = next(p for n, p, _ in all_routes() if n == route)
        response = client_for(insider).get(fill(pattern, resolved(OBJECT_ROUTES[route][0], personas)))
        assert response.status_code == 200, route


@pytest.mark.parametrize("route", sorted(CREATE_ROUTES))
def test_create_routes_refuse_regions_outside_scope(route, heyuan, personas):
    outsiders, post_data = CREATE_ROUTES[route]
    pattern = next(p for n, p, _ in all_routes() if n == route)
    clients = {outsider: client_for(personas[outsider]) for outsider in outsiders}
    before = state_digest()
    for outsider, client in clients.items():
        response = client.post("/" + pattern, post_data)
        assert response.status_code in (200, 404), f"{outsider} {route} -> {response.status_code}"
        assert "下城社区" not in response.content.decode()
    assert state_digest() == before


@pytest.mark.parametrize("route", sorted(LIST_ROUTES))
def test_list_routes_show_nothing_outside_scope(route, heyuan, personas):
    case = LIST_ROUTES[route]
    alice = personas["village_assistant"]
    audit.record(actor=alice, action="test.marker.xiacheng", target=alice)
    pattern = next(p for n, p, _ in all_routes() if n == route)
    for outsider in case["outsiders"]:
        response = client_for(personas[outsider]).get("/" + pattern, case["query"])
        assert response.status_code == 200, f"{outsider} {route}"
        body = readable(response)
        for marker in ("下城社区", "alice", "test.marker.xiacheng", "张三"):
            assert marker not in body, f"{outsider} sees {marker!r} on {route}"


def test_list_routes_show_the_data_to_someone_in_scope(heyuan, personas, auditor):
    """Positive control for the markers above: in scope, they do appear."""
    alice = personas["village_assistant"]
    audit.record(actor=alice, action="test.marker.xiacheng", target=alice)
    assert "下城社区" in client_for(personas["county_officer"]).get("/regions/search/", {"q": "下城"}).content.decode()
    assert "alice" in client_for(personas["system_admin"]).get("/accounts/users/").content.decode()
    assert "test.marker.xiacheng" in client_for(auditor).get("/audit/").content.decode()


@pytest.mark.parametrize("route", sorted(REGION_PARAM_ROUTES))
def test_region_parameters_outside_scope_answer_404(route, heyuan, personas):
    case = REGION_PARAM_ROUTES[route]
    pattern = next(p for n, p, _ in all_routes() if n == route)
    for outsider in case["outsiders"]:
        for code in (VILLAGE, TOWNSHIP):
            response = client_for(personas[outsider]).get("/" + pattern, {"region": code})
            assert response.status_code == 404, f"{outsider} {route}?region={code} -> {response.status_code}"
    query = {"region": VILLAGE, **LIST_ROUTES.get(route, {}).get("query", {})}
    inside = client_for(personas["village_assistant"]).get("/" + pattern, query)
    assert inside.status_code == 200
    if case["lists_people"]:
        assert "张三" in readable(inside)


@pytest.mark.parametrize("path_template", sorted(API_OPERATIONS))
def test_api_operations_answer_404_outside_scope(path_template, heyuan, personas):
    """Each GET operation: an outsider gets 404 for an object or a region of 下城社区 (an empty list where the
    operation lists what waits for the caller), the insider 200. An operation only some roles may use names its
    insider and outsiders and its query: {"params": {...}, "query": {...}, "insider": persona, "outsiders": [...]}."""
    entry = API_OPERATIONS[path_template]
    spelled_out = "params" in entry or "insider" in entry
    params = resolved(entry.get("params", {}) if spelled_out else entry, personas)
    query = resolved(entry.get("query", {}), personas) if spelled_out else {}
    insider = entry.get("insider", "village_assistant") if spelled_out else "village_assistant"
    outsiders = entry.get("outsiders", OUTSIDERS) if spelled_out else OUTSIDERS
    path = path_template.format(**params)
    for outsider in outsiders:
        response = Client().get(path, query, headers={"Authorization": f"Bearer {token_for(personas[outsider])}"})
        if not params and not query:  # a list of what waits for the caller: empty for an outsider
            assert response.status_code == 200 and response.json() == [], f"{outsider} GET {path}"
            continue
        assert response.status_code == 404, f"{outsider} GET {path} {query} -> {response.status_code}"
    inside_path = path if spelled_out else path.replace(TOWNSHIP, VILLAGE)
    inside = Client().get(inside_path, query, headers={"Authorization": f"Bearer {token_for(personas[insider])}"})
    assert inside.status_code == 200, f"{insider} GET {inside_path} {query} -> {inside.status_code}"


@pytest.mark.parametrize("path_template", sorted(API_UNSCOPED_READS))
def test_unscoped_api_reads_answer_everyone_alike(path_template, heyuan, personas):
    """No region's data: an outsider gets exactly what someone of 下城社区 gets."""
    params, _why = API_UNSCOPED_READS[path_template]
    path = path_template.format(**resolved(params, personas))
    answers = {}
    for user in [*OUTSIDERS, "village_assistant"]:
        response = Client().get(path, headers={"Authorization": f"Bearer {token_for(personas[user])}"})
        assert response.status_code == 200, f"{user} GET {path} -> {response.status_code}"
        answers[user] = response.json()
    assert len({repr(answer) for answer in answers.values()}) == 1


def test_a_neighbour_village_is_not_found_for_a_village_assistant(heyuan, personas):
    response = client_for(personas["village_assistant"]).get(f"/regions/{NEIGHBOUR_VILLAGE}/")
    assert response.status_code == 404


# --- write services, called directly -------------------------------------------------------------------------


@pytest.mark.parametrize("write", WRITES, ids=write_id)
def test_write_services_refuse_outsiders(write: SweepWrite, heyuan, personas):
    """Called with an outsider as the actor, each write service raises PermissionDenied itself (nobody fetched
    through scoping for it), changes nothing, and leaves a DENIED audit entry naming the outsider."""
    for outsider in write.outsiders:
        actor = personas[outsider]
        kwargs = write.kwargs(personas)
        before, denied = state_digest(), denied_entries(actor)
        with pytest.raises(PermissionDenied):
            write.service(actor=actor, **kwargs)
        assert state_digest() == before, f"{write_id(write)} by {outsider} changed data"
        assert denied_entries(actor) == denied + 1, f"{write_id(write)} by {outsider}: one DENIED audit entry"
