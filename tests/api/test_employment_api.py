import datetime

import pytest
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.models import ReviewCase
from hrss.employment.models import EmploymentRegistration, UnemploymentRegistration
from hrss.residents import services
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY, VILLAGE, frozen_now
from tests.residents.factories import MAN_1980

APPLICATION = {"category": "lost_job", "wants_work": True, "able_to_work": True,
               "documents": ["id_card", "termination_proof"], "last_employer": "河源市某电子厂",
               "left_job_on": (TODAY - datetime.timedelta(days=10)).isoformat()}


@pytest.fixture
def zhang(heyuan, village_assistant):
    return services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三", village=heyuan[VILLAGE],
                                    status=LabourStatus.FARMING)[0]


def api(user):
    return Client(headers={"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"})


def post(client, path, body, key=None):
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(path, body, content_type="application/json", headers=headers)


def test_a_retried_application_with_the_same_key_creates_one_case(zhang, village_assistant):
    client = api(village_assistant)
    body = {"person_id": zhang.pk, **APPLICATION}
    first = post(client, "/api/v1/employment/unemployment-registrations", body, key="intake-0001")
    again = post(client, "/api/v1/employment/unemployment-registrations", body, key="intake-0001")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert UnemploymentRegistration.objects.count() == ReviewCase.objects.count() == 1


def test_without_a_key_a_retry_is_refused_by_the_rules_instead(zhang, village_assistant):
    client = api(village_assistant)
    body = {"person_id": zhang.pk, **APPLICATION}
    assert post(client, "/api/v1/employment/unemployment-registrations", body).status_code == 201
    second = post(client, "/api/v1/employment/unemployment-registrations", body)
    assert second.status_code == 422 and "不能重复登记" in second.json()["detail"]


def test_a_key_reused_for_another_request_is_refused(zhang, village_assistant):
    client = api(village_assistant)
    post(client, "/api/v1/employment/unemployment-registrations", {"person_id": zhang.pk, **APPLICATION}, key="k1")
    other = post(client, "/api/v1/employment/employment-registrations",
                 {"person_id": zhang.pk, "kind": "hired", "event_date": TODAY.isoformat(), "employer_name": "某厂"},
                 key="k1")
    assert other.status_code == 422 and "另一个请求" in other.json()["detail"]
    assert not EmploymentRegistration.objects.exists()


def test_keys_belong_to_their_client(zhang, village_assistant, make_user):
    from hrss.core.permissions import Role

    colleague = make_user("amy", VILLAGE, Role.VILLAGE_ASSISTANT)
    body = {"person_id": zhang.pk, **APPLICATION}
    assert post(api(village_assistant), "/api/v1/employment/unemployment-registrations", body,
                key="same").status_code == 201
    second = post(api(colleague), "/api/v1/employment/unemployment-registrations", body, key="same")
    assert second.status_code == 422 and "Idempotent-Replayed" not in second  # judged on its own: a duplicate


def test_the_chain_through_the_api_with_a_stale_version_refused(zhang, village_assistant, township_officer,
                                                                make_user):
    from hrss.core.permissions import Role
    from tests.conftest import COUNTY

    approver = make_user("cara", COUNTY, Role.COUNTY_APPROVER)
    reviewer = make_user("rita", township_officer.region.code, Role.TOWNSHIP_REVIEWER)  # the township's step
    county_officer = make_user("carl", COUNTY, Role.COUNTY_OFFICER)  # the county's 经办 before its approver
    created = post(api(village_assistant), "/api/v1/employment/unemployment-registrations",
                   {"person_id": zhang.pk, **APPLICATION}).json()
    path = f"/api/v1/employment/unemployment-registrations/{created['id']}/decisions"
    queue = api(reviewer).get("/api/v1/employment/queue").json()
    assert [item["id"] for item in queue] == [created["id"]]
    handled = post(api(reviewer), path, {"action": "forward", "version": created["case"]["version"]}, key="t-0")
    assert handled.status_code == 200 and handled.json()["case"]["step"] == "county_handling"
    forwarded = post(api(county_officer), path, {"action": "forward", "version": handled.json()["case"]["version"]},
                     key="t-1")
    assert forwarded.status_code == 200 and forwarded.json()["case"]["step"] == "county_approval"
    stale = post(api(approver), path, {"action": "approve", "version": created["case"]["version"]})
    assert stale.status_code == 409 and "刷新" in stale.json()["detail"]
    approved = post(api(approver), path, {"action": "approve", "version": forwarded.json()["case"]["version"]})
    assert approved.json()["status"] == "registered"
    refused = post(api(village_assistant), path, {"action": "forward", "version": 99})
    assert refused.status_code == 409


def test_monthly_figures(zhang, township_officer):
    response = api(township_officer).get(f"/api/v1/employment/monthly-figures/{VILLAGE}/{TODAY:%Y-%m}")
    assert response.status_code == 200
    assert response.json()["registered_unemployed"] == 0 and response.json()["month"] == f"{TODAY:%Y-%m}"
    assert api(township_officer).get(f"/api/v1/employment/monthly-figures/{VILLAGE}/2026-13").status_code == 422


def test_employment_registration_over_the_api_marks_late_ones(zhang, township_officer):
    response = post(api(township_officer), "/api/v1/employment/employment-registrations",
                    {"person_id": zhang.pk, "kind": "hired", "employer_name": "某厂",
                     "event_date": (TODAY - datetime.timedelta(days=31)).isoformat()}, key="hire-1")
    assert response.status_code == 201 and response.json()["is_late"] is True


def test_a_key_left_by_a_request_that_died_is_taken_over_later(zhang, village_assistant):
    import hashlib

    from hrss.accounts.models import ApiToken
    from hrss.core.models import IdempotencyRecord

    client = api(village_assistant)
    token = ApiToken.objects.get(user=village_assistant)  # keys belong to the token they came with
    client_id = f"api-token:{token.pk}@{village_assistant.region.code}"  # and the region its owner works in
    stuck = IdempotencyRecord.objects.create(client=hashlib.sha256(client_id.encode()).hexdigest(),
                                             key="k9", fingerprint="x")
    body = {"person_id": zhang.pk, **APPLICATION}
    assert post(client, "/api/v1/employment/unemployment-registrations", body, key="k9").status_code == 422
    IdempotencyRecord.objects.filter(pk=stuck.pk).update(created_at=frozen_now() - datetime.timedelta(minutes=11))
    assert post(client, "/api/v1/employment/unemployment-registrations", body, key="k9").status_code == 201
    assert UnemploymentRegistration.objects.count() == 1
