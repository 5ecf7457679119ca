"""What the API answers a caller who got something wrong is in Chinese and says what to fix: a missing or unknown
token, a body that is not JSON, a value of the wrong JSON type (a list, an object, an integer)."""

import json

from django.test import Client

from hrss.accounts import services


def _post(path, body, token=None, raw=False):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return Client().post(path, body if raw else json.dumps(body), content_type="application/json", **headers)


def test_no_token_and_an_unknown_one(heyuan):
    for token in (None, "hrss_unknown"):
        response = _post("/api/v1/assistance/recognitions", {}, token)
        assert response.status_code == 401
        assert "API 令牌" in response.json()["detail"] and "Unauthorized" not in response.json()["detail"]


def test_a_body_that_is_not_json(heyuan, village_assistant):
    token = services.create_token(actor=None, user=village_assistant)
    response = _post("/api/v1/assistance/recognitions", '{"person_id": 1,', token, raw=True)
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"] and "Cannot parse" not in response.json()["detail"]


def test_values_of_the_wrong_json_type(heyuan, village_assistant):
    token = services.create_token(actor=None, user=village_assistant)
    response = _post("/api/v1/assistance/recognitions",
                     {"person_id": 1.5, "category": "aged", "documents": "居民身份证"}, token)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "documents：应为列表" in detail and "person_id：应为整数" in detail
    assert "Input should" not in detail


def test_numbers_out_of_range_are_refused_in_chinese(heyuan, village_assistant):
    """A tier of 0, one with three decimals, and NaN (pydantic's greater_than, decimal_max_places, finite_number)."""
    token = services.create_token(actor=None, user=village_assistant)
    for tier in (0, "240.123", "NaN"):
        response = _post("/api/v1/pensions/enrolments", {"person_id": 1, "tier": tier, "documents": []}, token)
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert "Input should" not in detail and "Decimal input" not in detail and "tier：" in detail


def test_a_body_over_the_upload_limit_is_413_in_chinese(heyuan, village_assistant, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    token = services.create_token(actor=None, user=village_assistant)
    response = _post("/api/v1/pensions/cards", {"person_id": 1, "photo_base64": "A" * 5000, "id_seen": True}, token)
    assert response.status_code == 413
    assert "上限" in response.json()["detail"]


def test_a_method_an_operation_does_not_take(heyuan, village_assistant):
    token = services.create_token(actor=None, user=village_assistant)
    response = Client().delete("/api/v1/supervision/petitions/1", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert "不支持 DELETE" in response.json()["detail"] and "GET" in response["Allow"]
