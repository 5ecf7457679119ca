"""The posts' API: a post created and read, a person placed, a placement ended, the month's roll; bad input is 422
with the reason in Chinese; out of scope is 404."""

from hrss.accounts import services as account_services
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE


def _headers(user):
    return {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}


def test_the_flow_through_the_api(client, village_assistant, person):
    headers = _headers(village_assistant)
    created = client.post("/api/v1/assistance/posts", {
        "region_code": VILLAGE, "unit_name": "下城社区居民委员会", "unit_kind": "village_committee",
        "title": "社区保洁员", "headcount": 1, "open_from": f"{TODAY:%Y-%m-%d}", "post_subsidy": "1720.00",
        "insurance_subsidy": "750"}, content_type="application/json", headers=headers)
    assert created.status_code == 201, created.content
    post_id = created.json()["id"]
    assert client.get(f"/api/v1/assistance/posts/{post_id}", headers=headers).json()["vacancies"] == 1
    placed = client.post(f"/api/v1/assistance/posts/{post_id}/placements", {
        "person_id": person.pk, "started_on": f"{TODAY:%Y-%m-%d}"}, content_type="application/json", headers=headers)
    assert placed.status_code == 201, placed.content
    roll = client.get("/api/v1/assistance/subsidy-rolls", {"region": VILLAGE, "month": f"{TODAY:%Y-%m}"},
                      headers=headers).json()
    assert [line["name"] for line in roll] == ["李援助"]
    assert roll[0]["masked_id_number"] == person.masked_id_number
    ended = client.post(f"/api/v1/assistance/placements/{placed.json()['id']}/end", {
        "ended_on": f"{TODAY:%Y-%m-%d}", "reason": "resigned"}, content_type="application/json", headers=headers)
    assert ended.status_code == 200 and ended.json()["end_reason"] == "resigned"


def test_a_full_post_is_422_in_chinese(client, village_assistant, person, heyuan):
    from tests.assistance.posts.conftest import make_post, recognise, register

    post = make_post(village_assistant, headcount=1)
    other = register(village_assistant, "郑其次", serial=23)
    recognise(other, village_assistant)
    headers = _headers(village_assistant)
    for someone, status in ((person, 201), (other, 422)):
        response = client.post(f"/api/v1/assistance/posts/{post.pk}/placements", {
            "person_id": someone.pk, "started_on": f"{TODAY:%Y-%m-%d}"}, content_type="application/json",
            headers=headers)
        assert response.status_code == status
    assert "已满员" in response.json()["detail"]


def test_a_malformed_month_is_422(client, village_assistant, heyuan):
    response = client.get("/api/v1/assistance/subsidy-rolls", {"month": "2026-13"}, headers=_headers(village_assistant))
    assert response.status_code == 422 and "YYYY-MM" in response.json()["detail"]


def test_outside_the_scope_is_404(client, neighbour_village_assistant, village_assistant, post):
    headers = _headers(neighbour_village_assistant)
    assert client.get(f"/api/v1/assistance/posts/{post.pk}", headers=headers).status_code == 404
    assert client.get("/api/v1/assistance/subsidy-rolls", {"region": VILLAGE}, headers=headers).status_code == 404
    assert client.get("/api/v1/assistance/subsidy-rolls", {"region": NEIGHBOUR_VILLAGE},
                      headers=headers).status_code == 200
