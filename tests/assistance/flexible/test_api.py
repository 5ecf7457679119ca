"""The flexible API: a registration made, read, verified and listed; the subsidy applied for, moved up the chain and
a period recorded; bad input answers 422 with the reason in Chinese; someone else's person answers 404."""

import datetime

from hrss.accounts import services as account_services
from hrss.assistance.flexible import rules
from tests.conftest import TODAY


def call(client, user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return client.get("/api/v1" + path, body, headers=headers)
    return client.post("/api/v1" + path, body, content_type="application/json", headers=headers)


def test_a_registration_and_its_subsidy_through_the_api(client, worker, recognised, village_assistant,
                                                        township_reviewer, county_officer):
    body = {"person_id": worker.pk, "form": "online", "work": "外卖配送", "place": "源城区",
            "started_on": (TODAY - datetime.timedelta(days=2)).isoformat(), "income_band": "up_to_double",
            "pays_insurance": True}
    created = call(client, village_assistant, "post", "/assistance/flexible", body)
    assert created.status_code == 201, created.content
    registration = created.json()
    assert registration["employment_registration_id"] and registration["verified_on"] is None
    again = call(client, village_assistant, "post", "/assistance/flexible", body)
    assert again.status_code == 422 and "已有有效的灵活就业登记" in str(again.json()["detail"])
    path = f"/assistance/flexible/{registration['id']}"
    verified = call(client, village_assistant, "post", path + "/verification",
                    {"verified_on": TODAY.isoformat(), "note": "入户核实"})
    assert verified.status_code == 200 and verified.json()["verified_on"] == TODAY.isoformat()
    listed = call(client, county_officer, "get", "/assistance/flexible", {"state": "active"}).json()
    assert [row["id"] for row in listed] == [registration["id"]]
    applied = call(client, village_assistant, "post", "/assistance/flexible-subsidies",
                   {"registration_id": registration["id"]})
    assert applied.status_code == 201, applied.content
    subsidy = applied.json()
    moves = f"/assistance/flexible-subsidies/{subsidy['id']}/moves"
    moved = call(client, township_reviewer, "post", moves, {"action": "forward", "version": subsidy["case"]["version"]})
    assert moved.status_code == 200, moved.content
    approved = call(client, county_officer, "post", moves, {"action": "approve", "version": moved.json()["case"]["version"]})
    assert approved.status_code == 200 and approved.json()["approved_on"] == TODAY.isoformat()
    year, quarter = rules.quarter_of(TODAY)
    period = call(client, county_officer, "post", f"/assistance/flexible-subsidies/{subsidy['id']}/periods",
                  {"year": year, "quarter": quarter, "months": 1, "paid_amount": "450"})
    assert period.status_code == 201, period.content
    assert period.json()["subsidy_amount"] == "300.00"
    stale = call(client, county_officer, "post", moves, {"action": "approve", "version": 1})
    assert stale.status_code == 409


def test_bad_input_answers_422_and_out_of_scope_404(client, worker, make_person, village_assistant,
                                                    neighbour_village_assistant):
    bad = call(client, village_assistant, "post", "/assistance/flexible", {
        "person_id": worker.pk, "form": "nothing", "work": "外卖", "place": "源城区",
        "started_on": TODAY.isoformat(), "income_band": "up_to_double"})
    assert bad.status_code == 422 and "请选择灵活就业形式" in str(bad.json()["detail"])
    outside = call(client, neighbour_village_assistant, "post", "/assistance/flexible", {
        "person_id": worker.pk, "form": "online", "work": "外卖", "place": "源城区",
        "started_on": TODAY.isoformat(), "income_band": "up_to_double"})
    assert outside.status_code == 404


def test_an_unknown_filter_value_is_422_in_chinese(client, county_officer):
    for query, word in (({"form": "zz"}, "灵活就业形式"), ({"state": "zz"}, "状态")):
        answer = call(client, county_officer, "get", "/assistance/flexible", query)
        assert answer.status_code == 422 and word in str(answer.json()["detail"]), query
    assert call(client, county_officer, "get", "/assistance/flexible", {"state": "active", "form": "online"}
                ).status_code == 200
