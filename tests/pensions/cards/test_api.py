"""The cards API: apply with a base64 photo, a batch, its numbers and arrival, hand-over, activation and loss; bad
input answers 422 with the reason in Chinese; outside the scope 404 and empty lists."""

import base64

from hrss.accounts import services as account_services
from hrss.pensions.cards.demo import sample_photo
from hrss.pensions.models import CardApplication
from tests.conftest import COUNTY, TODAY, VILLAGE

PHOTO = base64.b64encode(sample_photo()).decode()


def call(client, user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return client.get("/api/v1" + path, body or {}, headers=headers)
    return client.post("/api/v1" + path, body, content_type="application/json", headers=headers)


def test_the_whole_way_through_the_api(client, person, village_assistant, county_officer, neighbour_county_officer):
    applied = call(client, village_assistant, "post", "/pensions/cards",
                   {"person_id": person.pk, "photo_base64": "data:image/jpeg;base64," + PHOTO, "id_seen": True})
    assert applied.status_code == 201, applied.content
    card = applied.json()
    assert (card["state"], card["state_label"], card["reason"]) == ("applied", "已申领", "new")
    assert "photo" not in str(card.keys())

    batch = call(client, county_officer, "post", "/pensions/card-batches", {"county_code": COUNTY})
    assert batch.status_code == 201 and batch.json()["card_count"] == 1
    batch_id = batch.json()["id"]
    made = call(client, county_officer, "post", f"/pensions/card-batches/{batch_id}/made",
                {"numbers": {str(card["id"]): "G00000001"}})
    assert made.status_code == 200 and made.json()["state"] == "made"
    arrived = call(client, county_officer, "post", f"/pensions/card-batches/{batch_id}/arrival",
                   {"on": TODAY.isoformat()})
    assert arrived.json()["state"] == "arrived"

    handed = call(client, village_assistant, "post", f"/pensions/cards/{card['id']}/handover",
                  {"received_by": person.name, "on": TODAY.isoformat()})
    assert handed.status_code == 200 and handed.json()["state"] == "handed_over"
    active = call(client, village_assistant, "post", f"/pensions/cards/{card['id']}/activate", {"on": TODAY.isoformat()})
    assert active.json()["state"] == "active"
    lost = call(client, village_assistant, "post", f"/pensions/cards/{card['id']}/loss", {"on": TODAY.isoformat()})
    assert lost.json()["state"] == "lost"

    listed = call(client, county_officer, "get", "/pensions/cards", {"region": VILLAGE, "state": "lost"}).json()
    assert [row["card_number"] for row in listed] == ["G00000001"]
    assert call(client, neighbour_county_officer, "get", "/pensions/cards").json() == []
    assert call(client, neighbour_county_officer, "get", f"/pensions/cards/{card['id']}").status_code == 404


def test_refusals_answer_422_in_chinese(client, person, village_assistant):
    not_base64 = call(client, village_assistant, "post", "/pensions/cards",
                      {"person_id": person.pk, "photo_base64": "@@@", "id_seen": True})
    # Refused by the schema's pattern (base64 letters only), before any lookup.
    assert not_base64.status_code == 422 and not_base64.json()["detail"] == "photo_base64：格式不正确"
    unseen = call(client, village_assistant, "post", "/pensions/cards",
                  {"person_id": person.pk, "photo_base64": base64.b64encode(b"text").decode(), "id_seen": False})
    assert unseen.status_code == 422
    assert unseen.json()["detail"] == ("请核验申领人本人的居民身份证原件，核验后勾选“已核验身份证”。；"
                                       "上传的文件不是JPEG或PNG格式的照片，请重新选择照片文件。")
    bad_state = call(client, village_assistant, "get", "/pensions/cards", {"state": "nonsense"})
    assert bad_state.status_code == 422 and "状态只能是" in bad_state.json()["detail"]
    assert not CardApplication.objects.exists()
