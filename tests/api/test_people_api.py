import datetime

import pytest
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.models import AuditEntry
from hrss.residents import services
from hrss.residents.models import LabourStatus, Person
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE
from tests.residents.factories import MAN_1980, WOMAN_1982


@pytest.fixture
def zhang(heyuan, village_assistant):
    return services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三", village=heyuan[VILLAGE],
                                    status=LabourStatus.FARMING, status_since=datetime.date(2024, 1, 1))[0]


def api(user):
    token = account_services.create_token(actor=None, user=user)
    client = Client(headers={"Authorization": f"Bearer {token}"})
    return client


def test_search_by_id_number_in_the_body(zhang, village_assistant):
    response = api(village_assistant).post("/api/v1/people/search", {"query": MAN_1980}, content_type="application/json")
    body = response.json()
    assert body["count"] == 1 and body["results"][0]["name"] == "张三"
    assert body["results"][0]["id_number_masked"] == MAN_1980[:6] + "********" + MAN_1980[-4:]
    assert MAN_1980 not in response.content.decode()


def test_search_outside_scope_looks_like_nothing(zhang, neighbour_village_assistant):
    body = api(neighbour_village_assistant).post("/api/v1/people/search", {"query": MAN_1980},
                                                 content_type="application/json").json()
    assert body == {"count": 0, "results": []}


def test_register_and_change_status(heyuan, village_assistant):
    client = api(village_assistant)
    created = client.post("/api/v1/people", {"id_number": WOMAN_1982, "name": "李四", "village_code": VILLAGE,
                                             "labour_status": "farming"}, content_type="application/json")
    assert created.status_code == 201
    person_id = created.json()["person"]["id"]
    changed = client.post(f"/api/v1/people/{person_id}/status", {
        "labour_status": "migrant", "status_detail": "in_province", "effective_date": TODAY.isoformat(),
        "version": 1},
        content_type="application/json")
    assert changed.status_code == 200
    assert changed.json()["person"]["labour_status_label"] == "转移就业（县外省内）"


def test_a_stale_version_is_409(zhang, village_assistant):
    response = api(village_assistant).post(f"/api/v1/people/{zhang.pk}/status", {
        "labour_status": "unemployed", "effective_date": "2026-03-01", "version": 99}, content_type="application/json")
    assert response.status_code == 409
    assert Person.objects.get(pk=zhang.pk).labour_status == LabourStatus.FARMING


def test_an_impossible_change_is_422_with_the_reason(zhang, village_assistant):
    response = api(village_assistant).post(f"/api/v1/people/{zhang.pk}/status", {
        "labour_status": "migrant", "effective_date": "2026-03-01"}, content_type="application/json")
    assert response.status_code == 422 and "去向" in response.json()["detail"]


def test_registering_into_a_neighbour_village_is_404(heyuan, village_assistant):
    response = api(village_assistant).post("/api/v1/people", {
        "id_number": WOMAN_1982, "name": "李四", "village_code": NEIGHBOUR_VILLAGE}, content_type="application/json")
    assert response.status_code == 404 and not Person.objects.exists()


def test_a_duplicate_id_number_is_422(zhang, village_assistant):
    response = api(village_assistant).post("/api/v1/people", {
        "id_number": MAN_1980, "name": "张三", "village_code": VILLAGE}, content_type="application/json")
    assert response.status_code == 422 and "已登记" in response.json()["detail"]


def test_writes_are_audited(heyuan, village_assistant):
    api(village_assistant).post("/api/v1/people", {"id_number": WOMAN_1982, "name": "李四", "village_code": VILLAGE},
                                content_type="application/json")
    assert AuditEntry.objects.filter(action="residents.person.registered", actor=village_assistant).count() == 1
