"""Findings 5 and 6 of issue 9: every operation of the OpenAPI document, so a future endpoint is covered too.
Each text field and text path parameter declares a maximum length and refuses longer text, control characters
and bidi overrides; each number declares a range and refuses what lies outside it. The answer is 422 naming the
field, never 500, and nothing is stored."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from hrss.accounts import services as account_services
from hrss.api.urls import api
from hrss.core.models import AuditEntry
from hrss.residents.models import Person

DOCUMENT = api.get_openapi_schema()
OPERATIONS = [(path, method, operation) for path, methods in sorted(DOCUMENT["paths"].items())
              for method, operation in methods.items()]
# Values a valid request would carry for path parameters (the objects need not exist: validation comes first).
PATH_VALUES = {"code": "441602001003", "region_code": "441602001003", "month": "2026-05"}

HOSTILE_TEXT = {
    "NUL": "张\x00三",
    "bidi override": "张\u202e三",
    "bidi isolate": "张\u2067三",
    "escape": "张\x1b[31m三",
}


def resolve(schema):
    while "$ref" in schema:
        schema = DOCUMENT["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:  # `X | None`
        schema = next(option for option in schema["anyOf"] if option.get("type") != "null")
        return resolve(schema)
    return schema


def body_schema(operation):
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    return resolve(content["schema"]) if content else None


def valid_value(schema):
    schema = resolve(schema)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "string":
        return "2026-05-01" if schema.get("format") == "date" else "1"
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":  # an amount (a tier, a pension): 1 is inside every range the API declares
        return max(1, schema.get("minimum", 1))
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    if kind == "object":
        return {name: valid_value(field) for name, field in schema.get("properties", {}).items()}
    raise AssertionError(f"no valid value for {schema}")


def cases(operation):
    """(where, name, schema) for every parameter and body field of the operation."""
    for parameter in operation.get("parameters", []):
        yield parameter["in"], parameter["name"], resolve(parameter["schema"])
    schema = body_schema(operation)
    for name, field in (schema or {}).get("properties", {}).items():
        yield "body", name, resolve(field)
        if resolve(field).get("type") == "array":
            yield "body-item", name, resolve(resolve(field)["items"])


def path_of(template, operation, override=None):
    values = {parameter["name"]: PATH_VALUES.get(parameter["name"], 1) for parameter in operation.get("parameters", [])
              if parameter["in"] == "path"}
    values.update(override or {})
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


@pytest.fixture
def client(heyuan, village_assistant):
    token = account_services.create_token(actor=None, user=village_assistant)
    return Client(headers={"Authorization": f"Bearer {token}"})


def base_query(operation):
    """Valid values for the operation's required query parameters."""
    return {parameter["name"]: valid_value(parameter["schema"]) for parameter in operation.get("parameters", [])
            if parameter["in"] == "query" and parameter.get("required")}


def send(client, method, template, operation, *, path_override=None, body=None, query=None):
    path = path_of(template, operation, path_override)
    query = {**base_query(operation), **(query or {})}
    if method == "get":
        return client.get(path, query)
    if query:
        path = f"{path}?{urlencode(query)}"
    return getattr(client, method)(path, body, content_type="application/json")


def hostile_inputs(where, schema):
    """(label, value) pairs the schema must refuse."""
    kind = schema.get("type")
    if kind == "string" and schema.get("format") != "date" and "enum" not in schema:
        assert "maxLength" in schema, "a text field without a maximum length"
        yield "one character too long", "1" * (schema["maxLength"] + 1)
        if schema["maxLength"] < 100_000:  # (a photo in base64 may be longer: its own rule refuses it)
            yield "100,000 characters", "1" * 100_000
        yield from HOSTILE_TEXT.items()
    elif kind == "string" and schema.get("format") == "date":
        yield "a day that does not exist", "2026-02-30"
    elif kind == "number":
        assert ("minimum" in schema or "exclusiveMinimum" in schema) and "maximum" in schema, \
            "an amount without a range"
        yield "above the maximum", schema["maximum"] * 10
    elif kind == "integer":
        assert "minimum" in schema and "maximum" in schema, "a number without a range"
        yield "below the minimum", schema["minimum"] - 1
        yield "above the maximum", schema["maximum"] + 1
        yield "beyond 64 bits", 10**30


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS,
                         ids=[f"{method.upper()} {path}" for path, method, _ in OPERATIONS])
def test_every_parameter_refuses_what_it_cannot_hold(path, method, operation, client):
    assert method in ("get", "post", "patch", "put", "delete"), "a new method: teach this test how to send it"
    base_body = valid_value(body_schema(operation)) if body_schema(operation) else None
    people, audited = Person.objects.count(), AuditEntry.objects.count()
    checked = 0
    for where, name, schema in cases(operation):
        for label, value in hostile_inputs(where, schema):
            if where == "path":
                response = send(client, method, path, operation, path_override={name: value}, body=base_body)
                if isinstance(value, str) and ("\x00" in value or len(value) > 2000):
                    # The URL itself is refused before the API (Django's resolver, or the request's size).
                    assert response.status_code in (400, 404, 422), f"{name} {label}: {response.status_code}"
                    checked += 1
                    continue
            elif where == "query":
                response = send(client, method, path, operation, body=base_body, query={name: value})
            else:
                body = dict(base_body)
                body[name] = [value] if where == "body-item" else value
                response = send(client, method, path, operation, body=body)
            assert response.status_code == 422, f"{method.upper()} {path} {name} {label}: {response.status_code}"
            located = [error["loc"] for error in response.json()["errors"]]
            assert any(name in [str(part) for part in loc] for loc in located), f"{name} {label}: {located}"
            assert response.json()["detail"], "the answer says what to fix"
            checked += 1
    assert Person.objects.count() == people
    assert AuditEntry.objects.count() == audited
    if operation.get("parameters") or base_body:
        assert checked, "an operation with inputs must have been probed"


def test_the_messages_say_what_to_fix_in_chinese(client):
    too_long = client.post("/api/v1/people", {"id_number": "1", "name": "张" * 51, "village_code": "1"},
                           content_type="application/json")
    assert too_long.status_code == 422 and "name：不能超过 50 个字符" in too_long.json()["detail"]
    bidi = client.post("/api/v1/people", {"id_number": "1", "name": "张\u202e三", "village_code": "1"},
                       content_type="application/json")
    assert "改变文字方向的字符" in bidi.json()["detail"]


@pytest.mark.parametrize(("body", "field"), [
    ({"query": "张", "offset": -1}, "offset"),
    ({"query": "张", "offset": 10**19}, "offset"),
    ({"query": "张", "limit": 0}, "limit"),
    ({"query": "张", "limit": 201}, "limit"),
    ({"query": "1" * 100_000}, "query"),
])
def test_search_refuses_parameters_out_of_bounds(body, field, client):
    response = client.post("/api/v1/people/search", body, content_type="application/json")
    assert response.status_code == 422 and field in response.json()["detail"]


def test_search_at_its_bounds_answers(client):
    response = client.post("/api/v1/people/search", {"query": "1" * 50, "limit": 200, "offset": 10_000_000},
                           content_type="application/json")
    assert response.status_code == 200 and response.json() == {"count": 0, "results": []}
