"""The loans API: an application taken in, moved up the chain and granted by the bank; the loan, its schedule and
a repayment; bad input answers 422 with the reason; someone else's step answers 403."""

from hrss.accounts import services as account_services
from hrss.jobservices.loans import rules, selectors
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.jobservices.loans.test_chain import DOCS, apply, move


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


def test_a_returned_application_corrected_through_the_api(client, applicant, village_assistant, township_reviewer,
                                                          neighbour_village_assistant):
    application = apply(village_assistant, applicant)
    path = f"/loans/applications/{application.pk}"
    body = {"category": "registered_unemployed", "borrower_kind": "individual", "amount": "80000", "term_months": 24,
            "project": "社区便利店", "documents": DOCS, "micro_profit": True}
    version = call(client, village_assistant, "get", path).json()["case"]["version"]
    early = call(client, village_assistant, "post", path + "/correction", {**body, "version": version})
    assert early.status_code == 422 and "只有退回补正的申请可以更正" in str(early.json()["detail"])
    move(application, township_reviewer, "return", reason="金额请按项目预算调低")
    version = call(client, village_assistant, "get", path).json()["case"]["version"]
    outside = call(client, neighbour_village_assistant, "post", path + "/correction", {**body, "version": version})
    assert outside.status_code == 404
    stale = call(client, village_assistant, "post", path + "/correction", {**body, "version": version - 1})
    assert stale.status_code == 409
    missing = call(client, village_assistant, "post", path + "/correction",
                   {**body, "documents": DOCS[:1], "version": version})
    assert missing.status_code == 422 and "缺少材料" in str(missing.json()["detail"])
    corrected = call(client, village_assistant, "post", path + "/correction", {**body, "version": version})
    assert corrected.status_code == 200, corrected.content
    shown = call(client, village_assistant, "get", path).json()
    assert shown["amount"] == "80000.00" and shown["case"]["status"] == "returned"
    resubmitted = call(client, village_assistant, "post", path + "/decisions",
                       {"action": "resubmit", "version": shown["case"]["version"]})
    assert resubmitted.status_code == 200 and resubmitted.json()["case"]["step"] == "township_review"


def test_a_credit_community_marked_and_revoked_through_the_api(client, applicant, village_assistant, county_officer,
                                                               neighbour_county_officer):
    township = call(client, county_officer, "post", "/loans/credit-communities", {"region_code": TOWNSHIP})
    assert township.status_code == 422 and "信用社区按村(社区)评定" in str(township.json()["detail"])
    outside = call(client, county_officer, "post", "/loans/credit-communities",
                   {"region_code": NEIGHBOUR_COUNTY_VILLAGE})
    assert outside.status_code == 404
    marked = call(client, county_officer, "post", "/loans/credit-communities",
                  {"region_code": VILLAGE, "note": "无不良记录"})
    assert marked.status_code == 201 and marked.json()["marked_on"] == TODAY.isoformat()
    again = call(client, county_officer, "post", "/loans/credit-communities", {"region_code": VILLAGE})
    assert again.status_code == 422 and "该村(社区)已是信用社区" in str(again.json()["detail"])
    body = {"person_id": applicant.pk, "category": "registered_unemployed", "borrower_kind": "individual",
            "amount": "50000", "term_months": 24, "project": "早餐店", "documents": DOCS}
    application = call(client, village_assistant, "post", "/loans/applications", body)
    assert application.status_code == 201 and application.json()["from_credit_community"] is True
    revoke = f"/loans/credit-communities/{marked.json()['id']}/revocation"
    assert call(client, neighbour_county_officer, "post", revoke, {"note": "越权"}).status_code == 404
    no_reason = call(client, county_officer, "post", revoke, {"note": ""})
    assert no_reason.status_code == 422 and "请填写撤销原因" in str(no_reason.json()["detail"])
    revoked = call(client, county_officer, "post", revoke, {"note": "出现恶意拖欠"})
    assert revoked.status_code == 200 and revoked.json()["revoked_on"] == TODAY.isoformat()
    assert selectors.credit_community_on(VILLAGE, TODAY) is None
    twice = call(client, county_officer, "post", revoke, {"note": "出现恶意拖欠"})
    assert twice.status_code == 422 and "该信用社区标记已撤销" in str(twice.json()["detail"])
