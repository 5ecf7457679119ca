"""The API: the petitions of the caller's scope (by pages), one with its history, intake, the decision, the
extension, the reply and the request for 复查, through the same services (refusals in Chinese, 422); out of scope
is 404 and an empty list."""

import datetime

from django.test import Client

from hrss.accounts import services as account_services
from hrss.supervision.models import Petition
from tests.conftest import TODAY, VILLAGE
from tests.supervision.petitions.conftest import at_township, make_petition

BODY = {"received_on": str(TODAY), "channel": "phone", "category": "wages", "petitioner_name": "张三",
        "petitioner_phone": "13800000002", "subject": "某制衣厂拖欠工资", "summary": "2个月工资未发",
        "employer_name": "河源市某制衣厂", "amount_claimed": "8600.00"}


def call(user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return Client().get("/api/v1" + path, body or {}, headers=headers)
    return Client().post("/api/v1" + path, body, content_type="application/json", headers=headers)


def test_intake_and_read(heyuan, village_assistant):
    made = call(village_assistant, "post", "/supervision/petitions", BODY)
    assert made.status_code == 201, made.content
    data = made.json()
    assert data["region_code"] == VILLAGE and data["received_by_id"] == village_assistant.pk
    assert data["state"] == "received" and data["number"].startswith("XF441602")
    assert [event["kind"] for event in data["events"]] == ["received"]
    read = call(village_assistant, "get", f"/supervision/petitions/{data['id']}")
    assert read.status_code == 200 and read.json()["accept_due"] == data["accept_due"]
    missing = call(village_assistant, "post", "/supervision/petitions", {**BODY, "employer_name": ""})
    assert missing.status_code == 422 and "欠薪信访须写明欠薪单位" in missing.json()["detail"]


def test_the_list_is_scoped_and_paged(heyuan, village_assistant, neighbour_village_assistant):
    for name in ("甲", "乙", "丙"):
        make_petition(village_assistant, received_on=TODAY, petitioner_name=name, petitioner_phone="13800000001")
    listed = call(village_assistant, "get", "/supervision/petitions", {"limit": 2})
    assert listed.status_code == 200 and len(listed.json()) == 2
    rest = call(village_assistant, "get", "/supervision/petitions", {"limit": 2, "offset": 2})
    assert len(rest.json()) == 1
    assert call(neighbour_village_assistant, "get", "/supervision/petitions").json() == []
    one = Petition.objects.first()
    assert call(neighbour_village_assistant, "get", f"/supervision/petitions/{one.pk}").status_code == 404
    bad = call(village_assistant, "get", "/supervision/petitions", {"state": "lost"})
    assert bad.status_code == 422 and "状态只能是" in bad.json()["detail"]


def test_decide_extend_reply_and_ask_for_review(heyuan, village_assistant, township_officer, township_reviewer,
                                                county_officer):
    petition = at_township(village_assistant, received_on=TODAY)
    path = f"/supervision/petitions/{petition.pk}"
    no_reason = call(township_officer, "post", f"{path}/decision", {"decision": "not_accept",
                                                                    "decided_on": str(TODAY)})
    assert no_reason.status_code == 422 and "不予受理的，请填写理由" in no_reason.json()["detail"]
    decided = call(township_officer, "post", f"{path}/decision", {"decision": "accept", "decided_on": str(TODAY)})
    assert decided.status_code == 200 and decided.json()["state"] == "accepted"
    handle_due = datetime.date.fromisoformat(decided.json()["handle_due"])
    by_the_clerk = call(township_officer, "post", f"{path}/extension", {"days": 10, "reason": "需调取考勤记录"})
    assert by_the_clerk.status_code == 403 and "须经本机关负责人批准" in by_the_clerk.json()["detail"]
    too_many = call(township_reviewer, "post", f"{path}/extension", {"days": 31, "reason": "复杂"})
    assert too_many.status_code == 422 and "不得超过30日" in too_many.json()["detail"]
    extended = call(township_reviewer, "post", f"{path}/extension", {"days": 10, "reason": "需调取考勤记录"})
    assert extended.status_code == 200
    assert extended.json()["extension_approved_by_id"] == township_reviewer.pk
    assert extended.json()["extended_on"] == str(TODAY)
    assert datetime.date.fromisoformat(extended.json()["handle_due"]) >= handle_due + datetime.timedelta(days=10)
    second = call(township_reviewer, "post", f"{path}/extension", {"days": 5, "reason": "再延"})
    assert second.status_code == 422 and "只能延长一次" in second.json()["detail"]
    empty = call(township_officer, "post", f"{path}/reply", {"text": "", "replied_on": str(TODAY)})
    assert empty.status_code == 422 and "不能没有答复就办结" in empty.json()["detail"]
    done = call(township_officer, "post", f"{path}/reply", {"text": "单位已支付工资。", "replied_on": str(TODAY)})
    assert done.status_code == 200 and done.json()["state"] == "replied"
    assert done.json()["concluded_on"] == str(TODAY)
    refused = call(township_officer, "post", f"{path}/review-request", {"requested_on": str(TODAY), "text": "不服"})
    assert refused.status_code == 403
    review = call(county_officer, "post", f"{path}/review-request", {"requested_on": str(TODAY), "text": "不服"})
    assert review.status_code == 200 and review.json()["state"] == "review"
    assert review.json()["region_code"] == "441602000000"


def test_out_of_scope_writes_are_404(heyuan, village_assistant, neighbour_county_officer):
    petition = make_petition(village_assistant, received_on=TODAY)
    answer = call(neighbour_county_officer, "post", f"/supervision/petitions/{petition.pk}/decision",
                  {"decision": "accept", "decided_on": str(TODAY)})
    assert answer.status_code == 404
    made = call(neighbour_county_officer, "post", "/supervision/petitions", {**BODY, "region_code": VILLAGE})
    assert made.status_code == 404 and Petition.objects.count() == 1
