"""The API: an inspection with its findings, the item fixed with a photo (multipart), the request refused with the
failing rules (422), the city's decision with the case's version."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hrss.accounts import services as account_services
from hrss.network.models import Rectification
from hrss.network.offices import services as office_services
from tests.conftest import TODAY
from tests.network.acceptance.conftest import findings_as_recorded, png


def client_of(user):
    return Client(headers={"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"})


def test_inspection_fix_confirm_request_and_acceptance_through_the_api(office, tina, county_officer, city_admin):
    county, township, city = client_of(county_officer), client_of(tina), client_of(city_admin)
    findings = [{"rule": rule, **finding} for rule, finding in findings_as_recorded(office).items()]
    made = county.post("/api/v1/network/inspections", {"region_code": office.region_code, "findings": findings,
                                                       "inspected_on": TODAY.isoformat()},
                       content_type="application/json")
    assert made.status_code == 201
    failing = [f for f in made.json()["findings"] if f["result"] == "fails"]
    assert [f["rule"] for f in failing] == ["windows"] and failing[0]["rectification_id"]
    item_id = failing[0]["rectification_id"]
    refused = county.post("/api/v1/network/acceptances", {"region_code": office.region_code},
                          content_type="application/json")
    assert refused.status_code == 422 and "缺新农保经办" in refused.json()["detail"]
    office_services.add_window(actor=tina, office=office, kind="rural_pension", today=TODAY)
    fixed = township.post(f"/api/v1/network/rectifications/{item_id}/fix",
                          {"note": "已增设窗口",
                           "photo": SimpleUploadedFile("window.png", png(), content_type="image/png")})
    assert fixed.status_code == 200 and fixed.json()["state"] == "fixed" and fixed.json()["photo_id"]
    assert county.post(f"/api/v1/network/rectifications/{item_id}/confirm").json()["state"] == "confirmed"
    requested = county.post("/api/v1/network/acceptances", {"region_code": office.region_code},
                            content_type="application/json")
    assert requested.status_code == 201
    acceptance = requested.json()
    stale = city.post(f"/api/v1/network/acceptances/{acceptance['id']}/decision",
                      {"accept": True, "version": acceptance["version"] + 1}, content_type="application/json")
    assert stale.status_code == 409
    decided = city.post(f"/api/v1/network/acceptances/{acceptance['id']}/decision",
                        {"accept": True, "version": acceptance["version"]}, content_type="application/json")
    assert decided.status_code == 200 and decided.json()["accepted_on"] == TODAY.isoformat()
    assert Rectification.objects.get(pk=item_id).state == "confirmed"


def test_a_fix_without_a_photo_is_refused_with_the_reason(office, tina, county_officer):
    client = client_of(county_officer)
    findings = [{"rule": rule, **finding} for rule, finding in findings_as_recorded(office).items()]
    client.post("/api/v1/network/inspections", {"region_code": office.region_code, "findings": findings},
                content_type="application/json")
    item = Rectification.objects.get()
    response = client_of(tina).post(f"/api/v1/network/rectifications/{item.pk}/fix", {"note": "已整改"})
    assert response.status_code == 422 and response.json()["detail"] == "请上传整改后的照片。"
