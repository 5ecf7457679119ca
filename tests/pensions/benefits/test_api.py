"""The benefits API: an application taken in, moved through the township and approved by the county, read back with
its calculation; the county's roll; a death reported; out of scope 404; bad input 422 in Chinese."""

from hrss.accounts import services as account_services
from hrss.core.dates import add_months
from hrss.pensions.benefits import services
from tests.conftest import TODAY
from tests.pensions.benefits.conftest import THIS_MONTH


def call(client, user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return client.get("/api/v1" + path, headers=headers)
    return client.post("/api/v1" + path, body, content_type="application/json", headers=headers)


def test_a_pension_through_the_api(client, pensioner, village_assistant, township_officer, county_officer,
                                   neighbour_county_officer, neighbour_village_assistant):
    assert call(client, neighbour_village_assistant, "post", "/pensions/pensions",
                {"person_id": pensioner.pk}).status_code == 404
    created = call(client, village_assistant, "post", "/pensions/pensions", {"person_id": pensioner.pk})
    assert created.status_code == 201, created.content
    body = created.json()
    path = f"/pensions/pensions/{body['id']}"
    assert body["state"] == "in_review" and body["case"]["step"] == "township_review"
    assert any("÷ 139" in line for line in body["calculation"]["lines"])
    assert call(client, neighbour_county_officer, "get", path).status_code == 404
    assert call(client, neighbour_county_officer, "post", path + "/decide",
                {"action": "forward", "version": 1}).status_code == 404
    refused = call(client, county_officer, "post", path + "/decide", {"action": "approve", "version": 1})
    assert refused.status_code in (403, 422)
    moved = call(client, township_officer, "post", path + "/decide", {"action": "forward", "version": 1})
    assert moved.status_code == 200, moved.content
    approved = call(client, county_officer, "post", path + "/decide",
                    {"action": "approve", "version": moved.json()["case"]["version"]})
    assert approved.status_code == 200, approved.content
    assert approved.json()["state"] == "paying"


def test_the_roll_through_the_api(client, paying, county_officer, neighbour_county_officer, village_assistant):
    services.make_roll(actor=county_officer, county_code="441602", month=TODAY, today=TODAY)
    path = f"/pensions/rolls/441602/{THIS_MONTH:%Y-%m}"
    found = call(client, county_officer, "get", path)
    assert found.status_code == 200, found.content
    body = found.json()
    assert body["people"] == 1 and body["made_on"] == TODAY.isoformat()
    assert body["lines"][0]["id_number"] != paying.person.id_number
    assert "*" in body["lines"][0]["id_number"]
    assert call(client, neighbour_county_officer, "get", path).status_code == 404
    assert call(client, village_assistant, "get", path).status_code == 404
    bad = call(client, county_officer, "get", "/pensions/rolls/441602/2026-13")
    assert bad.status_code == 422 and "月份" in bad.json()["detail"]


def test_a_death_through_the_api(client, paying, village_assistant, neighbour_village_assistant, county_officer):
    services.make_roll(actor=county_officer, county_code="441602", month=add_months(THIS_MONTH, -1), today=TODAY)
    body = {"person_id": paying.person.pk, "died_on": TODAY.isoformat()}
    assert call(client, neighbour_village_assistant, "post", "/pensions/deaths", body).status_code == 404
    reported = call(client, village_assistant, "post", "/pensions/deaths", body)
    assert reported.status_code == 201, reported.content
    assert reported.json()["pension_id"] == paying.pk
    again = call(client, village_assistant, "post", "/pensions/deaths", body)
    assert again.status_code == 422 and "不能重复报告" in str(again.json())
