"""A neighbouring township or county cannot read or act on 上城街道's report: 404 on its pages and in the API, and
the services refuse them (PermissionDenied, audited) when called directly."""

import pytest
from django.core.exceptions import PermissionDenied

from hrss.network.models import MonthlyReport
from hrss.network.reports import services
from tests.conftest import TOWNSHIP, login
from tests.network.reports.conftest import LAST_MONTH, bearer

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["neighbour_township_officer", "neighbour_county_approver"])
def outsider(request):
    return request.getfixturevalue(request.param)


def test_an_outsider_cannot_read_the_report(client, submitted, outsider):
    login(client, outsider)
    assert client.get(f"/network/reports/{submitted.pk}/").status_code == 404
    assert client.get(f"/network/reports/{submitted.pk}/", {"format": "xlsx"}).status_code == 404
    assert client.get("/network/reports/", {"region": TOWNSHIP}).status_code == 404
    assert client.get("/network/reports/county/", {"region": TOWNSHIP}).status_code == 404
    assert client.get("/network/reports/completeness/", {"region": TOWNSHIP}).status_code == 404
    assert "上城街道" not in client.get("/network/reports/").content.decode()
    headers = bearer(outsider)
    assert client.get(f"/api/v1/network/reports/{submitted.pk}", headers=headers).status_code == 404
    assert client.get("/api/v1/network/reports", {"region": TOWNSHIP}, headers=headers).status_code == 404


def test_an_outsider_cannot_act_on_the_report(client, submitted, outsider):
    login(client, outsider)
    for act in ("approve", "remarks", "generate"):
        assert client.post(f"/network/reports/{submitted.pk}/act/", {"act": act}).status_code == 404
    assert client.post(f"/network/reports/{submitted.pk}/act/",
                       {"act": "return", "return-reason": "越权"}).status_code == 404
    headers = bearer(outsider)
    for act, body in (("approve", {}), ("return", {"reason": "越权"}), ("remarks", {"remarks": "越权"})):
        response = client.post(f"/api/v1/network/reports/{submitted.pk}/{act}", body,
                               content_type="application/json", headers=headers)
        assert response.status_code == 404, act
    assert client.post("/network/reports/generate/", {"region": TOWNSHIP, "month": f"{LAST_MONTH:%Y-%m}"}
                       ).status_code == 404
    report = MonthlyReport.objects.get(pk=submitted.pk)
    assert (report.state, report.version, report.remarks) == (MonthlyReport.State.SUBMITTED, 1, "")


def test_the_services_refuse_a_neighbours_approver_and_officer(submitted, township, neighbour_county_approver,
                                                               neighbour_township_officer):
    with pytest.raises(PermissionDenied):
        services.approve_report(actor=neighbour_county_approver, report=submitted)
    with pytest.raises(PermissionDenied):
        services.generate_report(actor=neighbour_township_officer, township=township, month=LAST_MONTH)
    with pytest.raises(PermissionDenied):
        services.edit_remarks(actor=neighbour_township_officer, report=submitted, remarks="越权")
    assert MonthlyReport.objects.get(pk=submitted.pk).state == MonthlyReport.State.SUBMITTED


def test_the_county_approver_in_scope_approves_from_the_county_page(client, submitted, approver):
    login(client, approver)
    page = client.get("/network/reports/county/", {"month": f"{LAST_MONTH:%Y-%m}"}).content.decode()
    assert f'data-testid="county-row-{TOWNSHIP}"' in page and "审核并锁定" in page
    response = client.post(f"/network/reports/{submitted.pk}/act/",
                           {"act": "approve", "next": f"/network/reports/county/?month={LAST_MONTH:%Y-%m}"})
    assert response.status_code == 302 and response["Location"].startswith("/network/reports/county/")
    assert MonthlyReport.objects.get(pk=submitted.pk).state == MonthlyReport.State.APPROVED
