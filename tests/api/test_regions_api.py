from django.core.management import call_command
from django.test import Client

from hrss.accounts import services
from hrss.accounts.models import ApiToken
from tests.conftest import NEIGHBOUR_VILLAGE, TOWNSHIP, VILLAGE


def get(path, token):
    return Client().get(path, headers={"Authorization": f"Bearer {token}"})


def test_a_region_and_its_children(heyuan, township_officer):
    token = services.create_token(actor=None, user=township_officer)
    region = get(f"/api/v1/regions/{TOWNSHIP}", token).json()
    assert region["name"] == "上城街道"
    assert region["office_name"] == "上城街道人力资源和社会保障服务所"
    assert region["parent_code"] == "441602000000"
    children = get(f"/api/v1/regions/{TOWNSHIP}/children", token).json()
    assert len(children) == 6 and {c["code"] for c in children} >= {VILLAGE, NEIGHBOUR_VILLAGE}
    assert all(c["office_name"].endswith("人力资源社会保障服务站") for c in children)


def test_an_unknown_code_is_404(heyuan, city_admin):
    token = services.create_token(actor=None, user=city_admin)
    response = get("/api/v1/regions/441699999999", token)
    assert response.status_code == 404
    assert response.json()["detail"] == "不存在或不在您的管辖范围内。"


def test_a_missing_or_wrong_token_is_401(heyuan, city_admin):
    assert Client().get(f"/api/v1/regions/{VILLAGE}").status_code == 401
    assert get(f"/api/v1/regions/{VILLAGE}", "hrss_not-a-token").status_code == 401


def test_a_revoked_token_or_disabled_user_is_refused(heyuan, city_admin, system_admin):
    token = services.create_token(actor=None, user=city_admin)
    assert get(f"/api/v1/regions/{VILLAGE}", token).status_code == 200
    services.set_active(actor=system_admin, user=city_admin, active=False)
    assert get(f"/api/v1/regions/{VILLAGE}", token).status_code == 401


def test_tokens_are_stored_only_as_hashes(heyuan, city_admin):
    token = services.create_token(actor=None, user=city_admin)
    stored = ApiToken.objects.get()
    assert stored.token_hash != token and token not in stored.token_hash
    assert stored.token_hash == ApiToken.hash(token)


def test_the_create_token_command_prints_a_working_token(heyuan, city_admin, capsys):
    call_command("create-token", "cindy")
    token = capsys.readouterr().out.strip()
    assert get(f"/api/v1/regions/{VILLAGE}", token).status_code == 200


def test_administrators_without_region_view_cannot_use_business_data(heyuan, auditor):
    token = services.create_token(actor=None, user=auditor)
    # The auditor may see the hierarchy (to search the audit by place) but holds no resident permission.
    assert get(f"/api/v1/regions/{VILLAGE}", token).status_code == 200


def test_the_openapi_document_is_served(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert "/api/v1/regions/{code}" in document["paths"]
    assert "/api/v1/regions/{code}/children" in document["paths"]
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
