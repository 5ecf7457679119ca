"""Every URL route and every API operation, tried by users of a neighbouring village and a neighbouring county
against data of 下城社区 (源城区): nothing outside their scope can be read or changed, and out of scope looks exactly
like "not found" (404).

A route or operation missing from the tables below fails `test_every_route_is_covered`: adding a route means
saying here how it is scoped.
"""

import hashlib
import io
import json
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from hrss.accounts import services as account_services
from hrss.accounts.models import RoleGrant, User
from hrss.api.urls import api
from hrss.core import audit, scoping
from hrss.core.models import AuditEntry, Region, ReviewCase, ReviewDecision
from hrss.core.permissions import Role
from hrss.employment import certificates, employment_registration
from hrss.employment import services as employment_services
from hrss.employment.models import CertificateIssue, EmploymentCertificate, UnemploymentRegistration
from hrss.residents import services as residents_services
from hrss.residents.models import ImportJob, LabourStatusEvent, Person
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, NEIGHBOUR_VILLAGE, TOWNSHIP, VILLAGE
from tests.residents.factories import MAN_1980


def all_routes(patterns=None, prefix="", namespace=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner_ns = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            yield from all_routes(pattern.url_patterns, prefix + str(pattern.pattern), inner_ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".strip(":") if pattern.name else None
            yield name, prefix + str(pattern.pattern), pattern.callback


PUBLIC_ROUTES = {"accounts:login", "accounts:logout", "accounts:password-reset", "core:healthz"}

# Routes that show lists: an outsider's page must not contain the marker of 下城社区's data.
LIST_ROUTES = {
    "core:home": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"], "query": {}},
    "core:region-search": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"],
                           "query": {"q": "下城"}},
    "core:region-options": {"outsiders": ["neighbour_village_assistant", "neighbour_county_system_admin"],
                            "query": {"q": "下城"}},
    "accounts:user-list": {"outsiders": ["neighbour_county_system_admin"], "query": {}},
    "core:audit-list": {"outsiders": ["neighbour_county_auditor"], "query": {}},
    # Changes only the caller's own password; it reads no one else's data.
    "accounts:password-change": {"outsiders": ["neighbour_county_officer"], "query": {}},
    "residents:ledger": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"],
                         "query": {"q": "张"}},
    "residents:statistics": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"], "query": {}},
    "residents:import": {"outsiders": ["neighbour_village_assistant"], "query": {}},
    # The blank template holds no data at all.
    "residents:import-template": {"outsiders": ["neighbour_village_assistant"], "query": {}},
    "residents:export": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"], "query": {}},
    "employment:queue": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"], "query": {}},
    "employment:certificate-list": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"],
                                    "query": {}},
    **{f"employment:{kind}-ledger-export": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"],
                                            "query": {}} for kind in ("employment", "unemployment", "certificate")},
    "employment:employment-ledger": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"],
                                     "query": {}},
    "employment:unemployment-ledger": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"],
                                       "query": {}},
    "employment:proposals": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"], "query": {}},
    "employment:hires": {"outsiders": ["neighbour_county_officer"], "query": {}},
    "employment:ledgers": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"], "query": {}},
    "employment:ledger-people": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"],
                                 "query": {"figure": "registered_unemployed"}},
    # The national holiday arrangement: the same page for everyone.
    "core:calendar": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"], "query": {}},
}

# Routes that change data held for the whole deployment, not for a region: only an administrator whose scope
# covers the deployment may use them (tests/core/test_calendar_views.py refuses a county's administrator).
DEPLOYMENT_ROUTES = {"core:calendar-upload"}

# Routes that take ?region=: naming 下城社区 (or its township) answers 404 to outsiders.
REGION_PARAM_ROUTES = {
    "residents:ledger": ["neighbour_village_assistant", "neighbour_county_officer"],
    "residents:statistics": ["neighbour_village_assistant", "neighbour_county_officer"],
    "residents:export": ["neighbour_village_assistant", "neighbour_county_officer"],
    "employment:ledgers": ["neighbour_village_assistant", "neighbour_county_officer"],
    "employment:unemployment-ledger-export": ["neighbour_village_assistant", "neighbour_county_officer"],
    "employment:employment-ledger": ["neighbour_village_assistant", "neighbour_county_officer"],
    "employment:certificate-list": ["neighbour_village_assistant", "neighbour_county_officer"],
    "employment:unemployment-ledger": ["neighbour_village_assistant", "neighbour_county_officer"],
    "employment:ledger-people": ["neighbour_village_assistant", "neighbour_county_officer"],
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
    "accounts:user-reset-approve": ("user", ["neighbour_county_security_admin"], {}),
    "accounts:user-unlock": ("user", ["neighbour_county_security_admin"], {}),
    "residents:person-detail": ("person", ["neighbour_village_assistant", "neighbour_county_officer"], {}),
    "residents:person-status": ("person", ["neighbour_village_assistant", "neighbour_county_officer"],
                                {"status": "unemployed", "effective_date": "2026-01-01"}),
    "residents:person-edit": ("person", ["neighbour_village_assistant", "neighbour_county_officer"],
                              {"name": "被篡改", "work_capacity": "full", "retirement_category": "worker",
                               "version": "1"}),
    "residents:person-move": ("person", ["neighbour_village_assistant", "neighbour_county_officer"],
                              {"to_village_code": NEIGHBOUR_VILLAGE, "effective_date": "2026-01-01"}),
    "residents:person-reveal": ("person", ["neighbour_village_assistant", "neighbour_county_officer"],
                                {"reason": "窥探"}),
    "residents:import-job": ("job", ["neighbour_village_assistant", "neighbour_county_officer"], {}),
    "residents:import-errors": ("job", ["neighbour_village_assistant", "neighbour_county_officer"], {}),
    "residents:import-resume": ("job", ["neighbour_village_assistant", "neighbour_county_officer"], {}),
    "employment:unemployment-apply": ("person_param", ["neighbour_village_assistant", "neighbour_county_officer"],
                                      {"category": "lost_job", "wants_work": "on", "able_to_work": "on",
                                       "documents": ["id_card", "termination_proof"]}),
    "employment:registration-detail": ("registration", ["neighbour_village_assistant", "neighbour_county_officer"],
                                       {}),
    "employment:registration-act": ("registration", ["neighbour_village_assistant", "neighbour_county_officer"],
                                    {"action": "reject", "version": "1", "reason": "越权"}),
    "employment:registration-contact": ("registration", ["neighbour_village_assistant", "neighbour_county_officer"],
                                        {"contacted_on": "2026-11-01", "kind": "phone"}),
    "employment:registration-cancel": ("registration", ["neighbour_county_officer"],
                                       {"reason": "no_contact", "effective_date": "2026-11-01"}),
    "employment:employment-new": ("person_param", ["neighbour_village_assistant", "neighbour_county_officer"],
                                  {"kind": "hired", "event_date": "2026-11-01", "employer_name": "越权单位"}),
    "employment:certificate-detail": ("certificate", ["neighbour_village_assistant", "neighbour_county_officer"], {}),
    "employment:certificate-print": ("certificate", ["neighbour_county_officer"], {}),
    "employment:certificate-act": ("certificate", ["neighbour_county_officer"], {"action": "cancel", "text": "越权"}),
}

# Routes that create something in a region the caller names: an outsider naming 下城社区 creates nothing.
CREATE_ROUTES = {
    "accounts:user-create": (["neighbour_county_system_admin"],
                             {"username": "intruder", "full_name": "x", "region": VILLAGE}),
    "residents:person-new": (["neighbour_village_assistant", "neighbour_county_officer"],
                             {"village": VILLAGE, "id_number": "44162119800101009X", "name": "外人",
                              "status": "farming", "work_capacity": "full", "retirement_category": "worker"}),
    "residents:import": (["neighbour_village_assistant", "neighbour_county_officer"],
                         {"village_code": VILLAGE}),
}

# API GET operations: path template -> the path parameters naming 下城社区's data.
API_OPERATIONS = {
    "/api/v1/regions/{code}": {"code": VILLAGE},
    "/api/v1/regions/{code}/children": {"code": TOWNSHIP},
    "/api/v1/people/{person_id}": {"person_id": "person"},
    "/api/v1/employment/unemployment-registrations/{registration_id}": {"registration_id": "registration"},
    "/api/v1/employment/employment-registrations/{registration_id}": {"registration_id": "employment"},
    "/api/v1/employment/certificates/{certificate_id}": {"certificate_id": "certificate"},
    "/api/v1/employment/monthly-figures/{region_code}/{month}": {"region_code": VILLAGE, "month": "2026-11"},
    # Lists only what waits for the caller: an outsider's queue is empty (tests/api/test_employment_api.py).
    "/api/v1/employment/queue": {},
}
# API POST operations: path, the parameters, and a body that would change 下城社区's data if scope failed.
API_WRITES = {
    "/api/v1/people/{person_id}/status": ({"person_id": "person"},
                                          {"labour_status": "unemployed", "effective_date": "2026-01-01"}),
    "/api/v1/people": ({}, {"id_number": "441602198203040225", "name": "外人", "village_code": VILLAGE}),
    "/api/v1/people/search": ({}, {"query": "张三", "region_code": VILLAGE}),
    "/api/v1/employment/unemployment-registrations": ({}, {"person_id": "person", "category": "graduate",
                                                           "wants_work": True, "able_to_work": True,
                                                           "documents": ["id_card"]}),
    "/api/v1/employment/unemployment-registrations/{registration_id}/decisions": (
        {"registration_id": "registration"}, {"action": "withdraw", "version": 1, "reason": "越权"}),
    "/api/v1/employment/unemployment-registrations/{registration_id}/cancellation": (
        {"registration_id": "registration"}, {"reason": "no_contact"}),
    "/api/v1/employment/employment-registrations": ({}, {"person_id": "person", "kind": "hired",
                                                         "event_date": "2026-11-01", "employer_name": "越权"}),
}


PERSONA_OBJECTS = {"person", "registration", "employment", "certificate"}


@pytest.fixture
def personas(heyuan, make_user, village_assistant, neighbour_village_assistant, county_officer, neighbour_county_officer,
             system_admin, neighbour_county_system_admin):
    found = {
        "village_assistant": village_assistant,
        "neighbour_village_assistant": neighbour_village_assistant,
        "county_officer": county_officer,
        "neighbour_county_officer": neighbour_county_officer,
        "system_admin": system_admin,
        "neighbour_county_system_admin": neighbour_county_system_admin,
        "neighbour_county_security_admin": make_user("zsec", "441621000000", Role.SECURITY_ADMIN),
        "neighbour_county_auditor": make_user("zaudit", "441621000000", Role.AUDIT_ADMIN),
        "person": residents_services.register_person(
            actor=village_assistant, id_number=MAN_1980, name="张三", village=heyuan[VILLAGE],
            status="farming")[0],
        "registration": None,  # filled below, once 张三 exists
        "job": ImportJob.objects.create(
            id=uuid.uuid4(), region_code=VILLAGE, village_code=VILLAGE, created_by=village_assistant,
            file_name="下城社区.xlsx", sha256="0" * 64, size=1, status=ImportJob.Status.DONE,
            rejected=[{"row": 2, "column": "姓名", "reason": "下城社区的秘密"}]),
    }
    found["registration"] = employment_services.apply_for_unemployment_registration(
        actor=village_assistant, person=found["person"], category="lost_job", wants_work=True, able_to_work=True,
        documents=["id_card", "termination_proof"])
    found["certificate"] = certificates.issue_certificate(actor=county_officer, person=found["person"])
    found["employment"] = employment_registration.register_employment(
        actor=county_officer, person=found["person"], kind="hired", event_date=found["person"].status_since,
        employer_name="下城社区的工厂")
    return found


def targets(heyuan, personas):
    return {
        "person_param": {"person_pk": personas["person"].pk},
        "registration": {"pk": personas["registration"].pk},
        "certificate": {"pk": personas["certificate"].pk},
        "region": {"code": VILLAGE},
        "township": {"code": TOWNSHIP},
        "user": {"pk": personas["village_assistant"].pk},
        "person": {"pk": personas["person"].pk},
        "job": {"pk": personas["job"].pk},
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
        list(Person.objects.order_by("pk").values_list("pk", "name", "region_code", "labour_status", "version")),
        list(LabourStatusEvent.objects.order_by("pk").values_list("pk", "person_id", "status")),
        list(ImportJob.objects.order_by("pk").values_list("pk", "status")),
        list(AuditEntry.objects.filter(action="residents.id_number.revealed").values_list("pk")),
        list(ReviewCase.objects.order_by("pk").values_list("pk", "status", "step", "version")),
        list(ReviewDecision.objects.order_by("pk").values_list("pk")),
        list(UnemploymentRegistration.objects.order_by("pk").values_list("pk", "status")),
        list(EmploymentCertificate.objects.order_by("pk").values_list("pk", "status")),
        list(CertificateIssue.objects.order_by("pk").values_list("pk", "voided_on")),
    ]
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


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
    assert not missing, f"routes without a scope case in this test: {missing}"


def test_every_api_operation_is_covered():
    paths = api.get_openapi_schema()["paths"]
    assert set(paths) == set(API_OPERATIONS) | set(API_WRITES), "every API operation needs a scope case here"


@pytest.mark.parametrize("path_template", sorted(API_WRITES))
def test_api_writes_answer_404_outside_scope(path_template, heyuan, personas):
    params, body = API_WRITES[path_template]
    path = path_template.format(**{key: personas[value].pk for key, value in params.items()})
    body = {key: personas[value].pk if value == "person" else value for key, value in body.items()}
    before = state_digest()
    for outsider in ("neighbour_village_assistant", "neighbour_county_officer"):
        token = account_services.create_token(actor=None, user=personas[outsider])
        response = Client().post(path, body, content_type="application/json",
                                 headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 404, f"{outsider} POST {path} -> {response.status_code}"
    assert state_digest() == before


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
    pattern = next(p for n, p, _ in all_routes() if n == route)
    for outsider in REGION_PARAM_ROUTES[route]:
        for code in (VILLAGE, TOWNSHIP):
            response = client_for(personas[outsider]).get("/" + pattern, {"region": code})
            assert response.status_code == 404, f"{outsider} {route}?region={code} -> {response.status_code}"
    query = {"region": VILLAGE, **LIST_ROUTES.get(route, {}).get("query", {})}
    inside = client_for(personas["village_assistant"]).get("/" + pattern, query)
    assert inside.status_code == 200
    # Counts only, or the people behind a figure 张三 is not in (tests/employment shows them in it).
    if route not in {"residents:statistics", "employment:ledgers", "employment:ledger-people"}:
        assert "张三" in readable(inside)


@pytest.mark.parametrize("path_template", sorted(API_OPERATIONS))
def test_api_operations_answer_404_outside_scope(path_template, heyuan, personas):
    params = {key: personas[value].pk if value in PERSONA_OBJECTS else value
              for key, value in API_OPERATIONS[path_template].items()}
    path = path_template.format(**params)
    for outsider in ("neighbour_village_assistant", "neighbour_county_officer"):
        token = account_services.create_token(actor=None, user=personas[outsider])
        response = Client().get(path, headers={"Authorization": f"Bearer {token}"})
        if not params:  # a list of what waits for the caller: empty for an outsider
            assert response.status_code == 200 and response.json() == [], f"{outsider} GET {path}"
            continue
        assert response.status_code == 404, f"{outsider} GET {path} -> {response.status_code}"
    token = account_services.create_token(actor=None, user=personas["village_assistant"])
    inside = Client().get(path.replace(TOWNSHIP, VILLAGE), headers={"Authorization": f"Bearer {token}"})
    assert inside.status_code == 200


def test_a_neighbour_village_is_not_found_for_a_village_assistant(heyuan, village_assistant):
    response = client_for(village_assistant).get(f"/regions/{NEIGHBOUR_VILLAGE}/")
    assert response.status_code == 404
