"""Every URL route and every API operation, tried by users of a neighbouring village and a neighbouring county
against data of 下城社区 (源城区): nothing outside their scope can be read or changed, and out of scope looks exactly
like "not found" (404).

A route or operation missing from the tables below fails `test_every_route_is_covered`: adding a route means
saying here how it is scoped.
"""

import hashlib
import json

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from hrss.accounts import services as account_services
from hrss.accounts.models import RoleGrant, User
from hrss.api.urls import api
from hrss.core import audit, scoping
from hrss.core.models import Region
from hrss.core.permissions import Role
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, NEIGHBOUR_VILLAGE, TOWNSHIP, VILLAGE


def all_routes(patterns=None, prefix="", namespace=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner_ns = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            yield from all_routes(pattern.url_patterns, prefix + str(pattern.pattern), inner_ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".strip(":") if pattern.name else None
            yield name, prefix + str(pattern.pattern), pattern.callback


PUBLIC_ROUTES = {"accounts:login", "accounts:logout", "core:healthz"}

# Routes that show lists: an outsider's page must not contain the marker of 下城社区's data.
LIST_ROUTES = {
    "core:home": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"], "query": {}},
    "core:region-search": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"],
                           "query": {"q": "下城"}},
    "accounts:user-list": {"outsiders": ["neighbour_county_system_admin"], "query": {}},
    "core:audit-list": {"outsiders": ["neighbour_county_auditor"], "query": {}},
    # Changes only the caller's own password; it reads no one else's data.
    "accounts:password-change": {"outsiders": ["neighbour_county_officer"], "query": {}},
}

# Routes that name one object of 下城社区: outsiders holding the route's permission get 404 on every method.
OBJECT_ROUTES = {
    "core:region-detail": ("region", ["neighbour_village_assistant", "neighbour_county_officer"], {}),
    "core:region-rename": ("region", ["neighbour_county_system_admin"],
                           {"new_name": "被篡改", "effective_date": "2026-01-01"}),
    "core:region-move": ("region", ["neighbour_county_system_admin"],
                         {"new_township_code": "441621100000", "effective_date": "2026-01-01"}),
    "core:region-merge": ("region", ["neighbour_county_system_admin"],
                          {"target_code": NEIGHBOUR_COUNTY_VILLAGE, "effective_date": "2026-01-01"}),
    "core:region-central-town": ("township", ["neighbour_county_system_admin"], {"is_central_town": "1"}),
    "accounts:user-detail": ("user", ["neighbour_county_system_admin", "neighbour_county_security_admin"], {}),
    "accounts:user-edit": ("user", ["neighbour_county_system_admin"],
                           {"full_name": "被篡改", "phone": "1", "region": NEIGHBOUR_COUNTY_VILLAGE}),
    "accounts:user-roles": ("user", ["neighbour_county_security_admin"], {"roles": ["village_assistant"]}),
    "accounts:user-set-active": ("user", ["neighbour_county_system_admin"], {"active": "0"}),
    "accounts:user-reset-password": ("user", ["neighbour_county_system_admin"], {}),
    "accounts:user-unlock": ("user", ["neighbour_county_security_admin"], {}),
}

# Routes that create something in a region the caller names: an outsider naming 下城社区 creates nothing.
CREATE_ROUTES = {
    "accounts:user-create": (["neighbour_county_system_admin"],
                             {"username": "intruder", "full_name": "x", "region": VILLAGE}),
}

# API operations: path template -> the path parameters naming 下城社区's data.
API_OPERATIONS = {
    "/api/v1/regions/{code}": {"code": VILLAGE},
    "/api/v1/regions/{code}/children": {"code": TOWNSHIP},
}


@pytest.fixture
def personas(make_user, village_assistant, neighbour_village_assistant, county_officer, neighbour_county_officer,
             system_admin, neighbour_county_system_admin):
    return {
        "village_assistant": village_assistant,
        "neighbour_village_assistant": neighbour_village_assistant,
        "county_officer": county_officer,
        "neighbour_county_officer": neighbour_county_officer,
        "system_admin": system_admin,
        "neighbour_county_system_admin": neighbour_county_system_admin,
        "neighbour_county_security_admin": make_user("zsec", "441621000000", Role.SECURITY_ADMIN),
        "neighbour_county_auditor": make_user("zaudit", "441621000000", Role.AUDIT_ADMIN),
    }


def targets(heyuan, personas):
    return {
        "region": {"code": VILLAGE},
        "township": {"code": TOWNSHIP},
        "user": {"pk": personas["village_assistant"].pk},
    }


def fill(pattern, kwargs):
    path = "/" + pattern
    for key, value in kwargs.items():
        path = path.replace(f"<int:{key}>", str(value)).replace(f"<str:{key}>", str(value))
    return path


def state_digest():
    """Everything a scoped write could change, hashed: equal before and after means nothing changed."""
    rows = [
        list(Region.objects.order_by("pk").values_list("pk", "code", "name", "parent_id", "is_active",
                                                       "is_central_town")),
        list(User.objects.order_by("pk").values_list("pk", "full_name", "phone", "region_id", "is_active",
                                                     "password")),
        list(RoleGrant.objects.order_by("pk").values_list("user_id", "role")),
    ]
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_every_route_is_covered():
    missing = []
    for name, pattern, callback in all_routes():
        if name and name.startswith("api:"):
            continue  # covered operation by operation from the OpenAPI document below
        access = getattr(callback, "hrss_access", None)
        assert access in {scoping.PUBLIC, scoping.SCOPED}, f"{name} ({pattern}) is not classified"
        if access == scoping.PUBLIC:
            assert name in PUBLIC_ROUTES, f"{name} is public but not listed as public here"
        elif name not in LIST_ROUTES and name not in OBJECT_ROUTES and name not in CREATE_ROUTES:
            missing.append(f"{name} ({pattern})")
    assert not missing, f"routes without a scope case in this test: {missing}"


def test_every_api_operation_is_covered():
    paths = api.get_openapi_schema()["paths"]
    assert set(paths) == set(API_OPERATIONS), "every API operation needs a scope case here"


@pytest.mark.parametrize("route", sorted(OBJECT_ROUTES))
def test_object_routes_answer_404_outside_scope(route, heyuan, personas):
    target_kind, outsiders, post_data = OBJECT_ROUTES[route]
    pattern = next(p for n, p, _ in all_routes() if n == route)
    path = fill(pattern, targets(heyuan, personas)[target_kind])
    audit.record(actor=personas["village_assistant"], action="test.marker", target=personas["village_assistant"])
    before = state_digest()
    for outsider in outsiders:
        client = client_for(personas[outsider])
        for method in ("get", "post"):
            response = getattr(client, method)(path, post_data if method == "post" else None)
            allowed = response.status_code == 405  # the route does not take this method at all
            assert allowed or response.status_code == 404, (
                f"{outsider} {method.upper()} {path} -> {response.status_code}, expected 404"
            )
    assert state_digest() == before, f"an outsider's request to {route} changed data"


def test_object_routes_work_for_someone_in_scope(heyuan, personas):
    """The positive control: the same paths answer the users whose scope they are in."""
    insiders = {"region": personas["village_assistant"], "user": personas["system_admin"]}
    for route in ("core:region-detail", "accounts:user-detail", "accounts:user-edit"):
        target_kind = OBJECT_ROUTES[route][0]
        pattern = next(p for n, p, _ in all_routes() if n == route)
        response = client_for(insiders[target_kind]).get(fill(pattern, targets(heyuan, personas)[target_kind]))
        assert response.status_code == 200, route


@pytest.mark.parametrize("route", sorted(CREATE_ROUTES))
def test_create_routes_refuse_regions_outside_scope(route, heyuan, personas):
    outsiders, post_data = CREATE_ROUTES[route]
    pattern = next(p for n, p, _ in all_routes() if n == route)
    before = state_digest()
    for outsider in outsiders:
        response = client_for(personas[outsider]).post("/" + pattern, post_data)
        assert response.status_code == 200, "the form is shown again with the error"
        assert "不存在或不在您的管辖范围内" in response.content.decode()
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
        body = response.content.decode()
        for marker in ("下城社区", "alice", "test.marker.xiacheng"):
            assert marker not in body, f"{outsider} sees {marker!r} on {route}"


def test_list_routes_show_the_data_to_someone_in_scope(heyuan, personas, auditor):
    """Positive control for the markers above: in scope, they do appear."""
    alice = personas["village_assistant"]
    audit.record(actor=alice, action="test.marker.xiacheng", target=alice)
    assert "下城社区" in client_for(personas["county_officer"]).get("/regions/search/", {"q": "下城"}).content.decode()
    assert "alice" in client_for(personas["system_admin"]).get("/accounts/users/").content.decode()
    assert "test.marker.xiacheng" in client_for(auditor).get("/audit/").content.decode()


@pytest.mark.parametrize("path_template", sorted(API_OPERATIONS))
def test_api_operations_answer_404_outside_scope(path_template, heyuan, personas):
    path = path_template.format(**API_OPERATIONS[path_template])
    for outsider in ("neighbour_village_assistant", "neighbour_county_officer"):
        token = account_services.create_token(actor=None, user=personas[outsider])
        response = Client().get(path, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 404, f"{outsider} GET {path} -> {response.status_code}"
    token = account_services.create_token(actor=None, user=personas["village_assistant"])
    inside = Client().get(path.replace(TOWNSHIP, VILLAGE), headers={"Authorization": f"Bearer {token}"})
    assert inside.status_code == 200


def test_a_neighbour_village_is_not_found_for_a_village_assistant(heyuan, village_assistant):
    response = client_for(village_assistant).get(f"/regions/{NEIGHBOUR_VILLAGE}/")
    assert response.status_code == 404
