"""The loans API: an application taken in, moved up the chain and granted by the bank; the loan, its schedule and
a repayment; bad input answers 422 with the reason; someone else's step answers 403."""

from hrss.accounts import services as account_services
from hrss.jobservices.loans import rules
from tests.conftest import TODAY
from tests.jobservices.loans.test_chain import DOCS


def call(client, user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return client.get("/api/v1" + path, headers=headers)
    return client.post("/api/v1" + path, body, content_type="application/json", headers=headers)


def test_an_application_through_the_api(client, applicant, village_assistant, township_reviewer, county_officer,
                                        guarantee_officer, bank_officer):
    body = {"person_id": applicant.pk, "category": "returning_migrant", "borrower_kind": "individual",
            "amount": "150000", "term_months": 36, "project": "农产品网店",
            "documents": ["id_card", "migrant_proof", "business_plan"]}
    created = call(client, village_assistant, "post", "/loans/applications", body)
    assert created.status_code == 201, created.content
    application = created.json()
    assert application["loan_name"] == "创业担保贷款" and application["case"]["step"] == "township_review"
    path = f"/loans/applications/{application['id']}"
    refused = call(client, guarantee_officer, "post", path + "/decisions",
                   {"action": "forward", "version": application["case"]["version"]})
    assert refused.status_code == 403
    for actor in (township_reviewer, county_officer, guarantee_officer):
        version = call(client, actor, "get", path).json()["case"]["version"]
        moved = call(client, actor, "post", path + "/decisions", {"action": "forward", "version": version})
        assert moved.status_code == 200, moved.content
    waiting = call(client, bank_officer, "get", "/loans/applications").json()
    assert [row["id"] for row in waiting] == [application["id"]]
    version = call(client, bank_officer, "get", path).json()["case"]["version"]
    too_much = call(client, bank_officer, "post", path + "/decisions", {
        "action": "approve", "version": version, "principal": "160000", "annual_rate": "3.45",
        "start_date": TODAY.isoformat(), "method": "equal_instalments"})
    assert too_much.status_code == 422 and "超过申请金额" in str(too_much.json()["detail"])
    granted = call(client, bank_officer, "post", path + "/decisions", {
        "action": "approve", "version": version, "principal": "150000", "annual_rate": "3.45",
        "start_date": TODAY.isoformat(), "method": "equal_instalments"})
    assert granted.status_code == 200, granted.content
    loan_id = granted.json()["loan_id"]
    loan = call(client, bank_officer, "get", f"/loans/{loan_id}").json()
    # The budget's share by the rule and LPR in force on the day (1.950 in June 2026: 3.45 − (LPR 3.00 − 1.5)).
    expected = rules.subsidised_rate(applied_on=TODAY, start_date=TODAY, kind="individual", micro_profit=False,
                                     annual_rate="3.45")
    assert loan["principal"] == "150000.00" and loan["term_months"] == 36 and loan["subsidised_rate"] == str(expected)
    schedule = call(client, bank_officer, "get", f"/loans/{loan_id}/schedule").json()
    assert len(schedule) == 36 and schedule[0]["state"] in ("due", "upcoming")
    first_total = f"{float(schedule[0]['principal']) + float(schedule[0]['interest']):.2f}"
    paid = call(client, bank_officer, "post", f"/loans/{loan_id}/repayments",
                {"paid_on": TODAY.isoformat(), "amount": first_total})
    assert paid.status_code == 201, paid.content
    assert call(client, bank_officer, "get", f"/loans/{loan_id}/schedule").json()[0]["state"] == "paid"


def test_bad_input_answers_422_with_the_reason(client, applicant, village_assistant):
    body = {"person_id": applicant.pk, "category": "registered_unemployed", "borrower_kind": "individual",
            "amount": "50000", "term_months": 24, "project": "早餐店", "documents": DOCS[:1]}
    response = call(client, village_assistant, "post", "/loans/applications", body)
    assert response.status_code == 422 and "缺少材料" in str(response.json()["detail"])
