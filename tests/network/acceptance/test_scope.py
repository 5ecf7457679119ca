"""Scope: a neighbouring county's officer neither sees nor acts on 源城区's inspections, items and acceptances
(404 on the pages and the API, PermissionDenied from the services)."""

import pytest
from django.core.exceptions import PermissionDenied

from hrss.accounts import services as account_services
from hrss.network.acceptance import services
from hrss.network.models import Rectification
from tests.conftest import TODAY, login
from tests.network.acceptance.conftest import findings_as_recorded


@pytest.fixture
def inspection(office, county_officer):
    return services.record_inspection(actor=county_officer, office=office, inspected_on=TODAY,
                                      findings=findings_as_recorded(office), today=TODAY)


def test_the_neighbouring_county_gets_404_on_every_page_of_the_inspection(client, inspection, neighbour_county_officer):
    item = Rectification.objects.get()
    login(client, neighbour_county_officer)
    for path in (f"/network/inspections/{inspection.pk}/", f"/network/rectifications/{item.pk}/"):
        assert client.get(path).status_code == 404
    assert client.post(f"/network/rectifications/{item.pk}/confirm/").status_code == 404
    assert client.get("/network/inspections/new/", {"region": inspection.region_code}).status_code == 404
    assert client.get("/network/rectifications/", {"region": inspection.region_code}).status_code == 404
    assert "上城街道" not in client.get("/network/inspections/").content.decode()


def test_the_neighbouring_county_gets_404_from_the_api_and_cannot_act(client, inspection, neighbour_county_officer):
    item = Rectification.objects.get()
    token = account_services.create_token(actor=None, user=neighbour_county_officer)
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(f"/api/v1/network/inspections/{inspection.pk}", headers=headers).status_code == 404
    assert client.post(f"/api/v1/network/rectifications/{item.pk}/confirm", headers=headers).status_code == 404
    assert client.get("/api/v1/network/rectifications", headers=headers).json() == []
    with pytest.raises(PermissionDenied):
        services.confirm_rectification(actor=neighbour_county_officer, item=item, today=TODAY)
    with pytest.raises(PermissionDenied):
        services.request_acceptance(actor=neighbour_county_officer, office=inspection.office, today=TODAY)
