"""The API: list by region and state, one case, report, verify, assistance records, clear, scan; 404 out of scope,
422 with a Chinese detail on bad input."""

import datetime

import pytest

from hrss.accounts import services as account_services
from tests.assistance.households.conftest import starts_work
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE


@pytest.fixture
def api(client):
    def call(user, method, path, body=None):
        token = account_services.create_token(actor=None, user=user)
        headers = {"Authorization": f"Bearer {token}"}
        if method == "get":
            return client.get(f"/api/v1{path}", body or {}, headers=headers)
        return client.post(f"/api/v1{path}", body or {}, content_type="application/json", headers=headers)

    return call


def test_a_household_from_report_to_cleared(api, family, village_assistant, city_admin):
    head, spouse = family(VILLAGE)
    found_on = TODAY - datetime.timedelta(days=31)
    response = api(village_assistant, "post", "/assistance/households",
                   {"person_id": head.pk, "source": "application", "found_on": found_on.isoformat()})
    assert response.status_code == 201, response.content
    case = response.json()
    assert (case["status"], case["days_open"], case["late"]) == ("found", 31, True)

    case = api(village_assistant, "post", f"/assistance/households/{case['id']}/verify",
               {"outcome": "verified", "verified_on": TODAY.isoformat(), "version": case["version"]}).json()
    assert case["status"] == "verified"
    record = api(village_assistant, "post", f"/assistance/households/{case['id']}/records",
                 {"done_on": TODAY.isoformat(), "kind": "training", "note": "报名家政培训"})
    assert record.status_code == 201

    starts_work(city_admin, spouse, found_on + datetime.timedelta(days=30))
    case = api(village_assistant, "post", f"/assistance/households/{case['id']}/clear",
               {"member_id": spouse.pk, "started_on": (found_on + datetime.timedelta(days=30)).isoformat(),
                "version": case["version"]}).json()
    assert (case["status"], case["days_to_clear"], case["late"]) == ("cleared", 30, False)
    assert [r["kind"] for r in case["records"]] == ["training"]

    listed = api(village_assistant, "get", "/assistance/households", {"region": VILLAGE, "state": "cleared"}).json()
    assert [c["id"] for c in listed] == [case["id"]]


def test_bad_input_is_422_in_chinese(api, family, village_assistant):
    head, _spouse = family(VILLAGE)
    response = api(village_assistant, "post", "/assistance/households",
                   {"person_id": head.pk, "source": "ledger", "found_on": TODAY.isoformat()})
    assert response.status_code == 422
    assert "请选择来源" in response.json()["detail"]
    response = api(village_assistant, "get", "/assistance/households", {"state": "nonsense"})
    assert response.status_code == 422 and "未知的状态" in response.json()["detail"]


def test_the_scan_through_the_api(api, family, township_officer):
    family(VILLAGE)
    response = api(township_officer, "post", "/assistance/households/scan", {"region_code": TOWNSHIP})
    assert response.json() == {"opened": 1, "cleared": 0}


def test_out_of_scope_is_404(api, family, village_assistant, make_user):
    from hrss.core.permissions import Role

    head, _spouse = family(VILLAGE)
    case = api(village_assistant, "post", "/assistance/households",
               {"person_id": head.pk, "source": "application", "found_on": TODAY.isoformat()}).json()
    bob = make_user("bob", NEIGHBOUR_VILLAGE, Role.VILLAGE_ASSISTANT)
    assert api(bob, "get", f"/assistance/households/{case['id']}").status_code == 404
    assert api(bob, "get", "/assistance/households", {"region": VILLAGE}).status_code == 404
    assert api(bob, "get", "/assistance/households").json() == []
