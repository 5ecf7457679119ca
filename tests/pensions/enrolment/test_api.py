"""The API: enrol (complete → active, incomplete → pending with the missing codes), read, complete the documents,
terminate; refusals in Chinese."""

from hrss.accounts import services as account_services
from tests.conftest import TODAY


def _client(client, user):
    headers = {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}

    def call(method, path, data=None):
        if method == "get":
            return client.get("/api/v1" + path, headers=headers)
        return client.post("/api/v1" + path, data, content_type="application/json", headers=headers)

    return call


def test_enrol_and_complete_through_the_api(client, resident, village_assistant):
    call = _client(client, village_assistant)
    made = call("post", "/pensions/enrolments", data={"person_id": resident.pk, "tier": "600",
                                                      "documents": ["id_card"]})
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["state"] == "pending" and body["missing_documents"] == ["hukou", "form"]
    done = call("post", f"/pensions/enrolments/{body['id']}/documents", data={"documents": ["hukou", "form"]})
    assert done.status_code == 200 and done.json()["enrolled_on"] == TODAY.isoformat()
    listed = call("get", "/pensions/enrolments?state=active")
    assert [row["id"] for row in listed.json()] == [body["id"]]
    again = call("post", "/pensions/enrolments", data={"person_id": resident.pk, "tier": "600",
                                                       "documents": ["id_card"]})
    assert again.status_code == 422 and "不能重复参保" in again.json()["detail"]
    ended = call("post", f"/pensions/enrolments/{body['id']}/terminate", data={"reason": "emigrated",
                                                                               "on": TODAY.isoformat()})
    assert ended.status_code == 200 and ended.json()["state"] == "terminated"
    assert call("get", "/pensions/enrolments?state=nonsense").status_code in (400, 422)


def test_the_schemes_api(client, heyuan, village_assistant):
    call = _client(client, village_assistant)
    found = call("get", "/pensions/schemes?on=2014-07-01").json()
    rules = {rule["key"]: rule for rule in found["rules"]}
    assert rules["basic_national"]["in_force"]["text"] == "70元"
    assert rules["divisor"]["in_force"]["text"] == "60岁：139"
    assert call("get", "/pensions/schemes?on=1999-01-01").status_code in (400, 422)
