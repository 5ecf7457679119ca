"""Out of scope is not found: the neighbouring village's assistant gets 404 for 下城社区's enrolment and its person's
intake page, cannot find the person by ID number, and a service called directly refuses (PermissionDenied, audited,
nothing written)."""

import pytest
from django.core.exceptions import PermissionDenied

from hrss.core.models import AuditEntry
from hrss.pensions.enrolment import services
from hrss.pensions.models import Enrolment
from tests.conftest import TODAY, login
from tests.pensions.enrolment.conftest import EVERY


def test_pages_of_another_village_are_not_found(client, enrolled, resident, neighbour_village_assistant):
    login(client, neighbour_village_assistant)
    assert client.get(f"/pensions/enrolment/{enrolled.pk}/").status_code == 404
    assert client.get(f"/pensions/enrolment/new/{resident.pk}/").status_code == 404
    assert client.post(f"/pensions/enrolment/{enrolled.pk}/terminate/",
                       {"reason": "other", "on": TODAY.isoformat(), "note": "x"}).status_code == 404
    page = client.get("/pensions/enrolment/new/", {"id_number": resident.id_number})
    assert page.status_code == 200 and "没有这个公民身份号码" in page.content.decode()
    assert resident.name not in client.get("/pensions/enrolment/").content.decode()
    assert client.get(f"/api/v1/pensions/enrolments/{enrolled.pk}").status_code in (401, 404)


def test_services_refuse_an_outsider(resident, neighbour_village_assistant):
    with pytest.raises(PermissionDenied):
        services.enrol(actor=neighbour_village_assistant, person=resident, tier="600", documents=EVERY, today=TODAY)
    assert not Enrolment.objects.filter(person=resident).exists()
    assert AuditEntry.objects.filter(action="pensions.enrolment.enrol", outcome="denied").exists()


def test_a_township_officer_above_the_village_may_enrol(resident, township_officer):
    assert services.enrol(actor=township_officer, person=resident, tier="600", documents=EVERY,
                          today=TODAY).state == "active"
