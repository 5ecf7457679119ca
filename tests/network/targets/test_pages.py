"""The pages and the API of 五个100%: a region's month with its children as links down, the people who missed a
target (ID numbers masked) for someone in scope and 404 for anyone else, the .xlsx downloads audited, and
重新计算 (a recorded act that recomputes the month for every region)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.id_numbers import mask
from hrss.core.models import AuditEntry
from hrss.network.models import TargetSnapshot
from hrss.network.targets import services
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE, login
from tests.pensions.enrolment.conftest import enrol
from tests.pensions.enrolment.conftest import make_person as pensions_person

MONTH = TODAY.replace(day=1)


@pytest.fixture
def uninsured(heyuan, village_assistant):
    enrol(village_assistant, pensions_person(village_assistant, name="参保甲", serial=630))
    return pensions_person(village_assistant, name="未保乙", serial=632)


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_the_region_page_shows_each_target_and_its_children(client, uninsured, county_officer):
    login(client, county_officer)
    page = client.get("/network/targets/", {"region": TOWNSHIP, "month": f"{MONTH:%Y-%m}"}).content.decode()
    row = page[page.index('data-target="insurance_services"'):]
    row = row[:row.index("</tr>")]
    assert 'data-cell="numerator">1<' in row and 'data-cell="denominator">2<' in row and "50.0%" in row
    assert f"/network/targets/missed/?region={TOWNSHIP}&month={MONTH:%Y-%m}&target=insurance_services" in row
    children = page[page.index('data-testid="targets-children"'):]
    assert f'href="?region={VILLAGE}&month={MONTH:%Y-%m}"' in children  # a link down to the village
    assert "实时统计" in page  # not computed beforehand: counted for the page, and it says so


def test_the_missed_list_masks_id_numbers(client, uninsured, county_officer):
    login(client, county_officer)
    page = client.get("/network/targets/missed/", {"region": COUNTY, "target": "insurance_services"}).content.decode()
    listed = page[page.index('data-testid="targets-missed"'):]
    assert "未保乙" in listed and "参保甲" not in listed
    assert mask(uninsured.id_number) in listed and uninsured.id_number not in page
    assert f"/residents/{uninsured.pk}/" in listed


def test_outsiders_get_404_for_the_list_the_page_and_the_api(client, uninsured, neighbour_county_officer,
                                                             neighbour_village_assistant, township_officer):
    for outsider in (neighbour_county_officer, neighbour_village_assistant):
        login(client, outsider)
        for code in (VILLAGE, TOWNSHIP):
            assert client.get("/network/targets/missed/", {"region": code,
                                                          "target": "insurance_services"}).status_code == 404
            assert client.get("/network/targets/", {"region": code}).status_code == 404
        token = account_services.create_token(actor=None, user=outsider)
        answer = Client().get("/api/v1/network/targets/missed", {"region": VILLAGE, "target": "insurance_services"},
                              headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 404
    token = account_services.create_token(actor=None, user=township_officer)
    answer = Client().get("/api/v1/network/targets/missed", {"region": VILLAGE, "target": "insurance_services"},
                          headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["total"] == 1
    assert body["items"][0]["name"] == "未保乙"
    assert body["items"][0]["id_number_masked"] == mask(uninsured.id_number)
    figures = Client().get("/api/v1/network/targets", {"region": TOWNSHIP, "month": f"{MONTH:%Y-%m}"},
                           headers={"Authorization": f"Bearer {token}"}).json()
    five = next(row for row in figures["targets"] if row["code"] == "insurance_services")
    assert (five["numerator"], five["denominator"], five["rate"], five["measured"]) == (1, 2, 50.0, True)
    assert [child["region_code"] for child in figures["children"]][:1] and figures["month"] == f"{MONTH:%Y-%m}"


def test_the_downloads_are_audited(client, uninsured, county_officer):
    login(client, county_officer)
    sheet = client.get("/network/targets/", {"region": COUNTY, "format": "xlsx"})
    assert sheet.status_code == 200 and sheet["Content-Type"].startswith("application/vnd.openxmlformats")
    people = client.get("/network/targets/missed/", {"region": COUNTY, "target": "insurance_services",
                                                     "format": "xlsx"})
    assert people.status_code == 200
    actions = set(AuditEntry.objects.filter(actor=county_officer).values_list("action", flat=True))
    assert {"network.targets.exported", "network.targets.missed_exported"} <= actions


def test_recompute_writes_the_month_and_is_recorded(client, uninsured, county_officer, immediate_tasks,
                                                    django_capture_on_commit_callbacks):
    login(client, county_officer)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(f"/network/targets/recompute/?region={COUNTY}", {"month": f"{MONTH:%Y-%m}"})
    assert answer.status_code == 302
    stored = TargetSnapshot.objects.get(region_code=VILLAGE, month=MONTH, target="insurance_services")
    assert (stored.numerator, stored.denominator) == (1, 2)
    assert AuditEntry.objects.filter(action="network.targets.recomputed", actor=county_officer).exists()
    page = client.get("/network/targets/", {"region": VILLAGE, "month": f"{MONTH:%Y-%m}"}).content.decode()
    assert "统计计算于" in page


def test_recompute_is_refused_outside_scope_and_for_a_month_not_begun(uninsured, heyuan, neighbour_county_officer,
                                                                      county_officer):
    with pytest.raises(PermissionDenied):
        services.recompute(actor=neighbour_county_officer, region=heyuan[VILLAGE], month=MONTH, today=TODAY)
    assert AuditEntry.objects.filter(action="network.targets.recompute", outcome="denied").exists()
    from django.core.exceptions import ValidationError

    next_month = (MONTH + datetime.timedelta(days=40)).replace(day=1)
    with pytest.raises(ValidationError, match="尚未开始"):
        services.recompute(actor=county_officer, region=heyuan[COUNTY], month=next_month, today=TODAY)
    assert not TargetSnapshot.objects.exists()


def test_a_malformed_month_is_refused_in_chinese(client, heyuan, county_officer):
    login(client, county_officer)
    page = client.get("/network/targets/", {"month": "2026-13"}, follow=True).content.decode()
    assert "无法识别" in page
    token = account_services.create_token(actor=None, user=county_officer)
    answer = Client().get("/api/v1/network/targets", {"month": "9999-01"},
                          headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 422 and "尚未开始" in answer.json()["detail"]


def test_the_province_viewer_only_looks_recompute_is_hidden_and_refused(client, heyuan, province_viewer,
                                                                         county_officer):
    login(client, province_viewer)
    page = client.get("/network/targets/").content.decode()
    assert "五个100%" in page and 'data-testid="targets-recompute"' not in page
    answer = client.post("/network/targets/recompute/", {"month": f"{MONTH:%Y-%m}"})
    assert answer.status_code == 403
    with pytest.raises(PermissionDenied):
        services.recompute(actor=province_viewer, region=heyuan[COUNTY], month=MONTH, today=TODAY)
    assert not AuditEntry.objects.filter(action="network.targets.recomputed").exists()
    login(client, county_officer)
    assert 'data-testid="targets-recompute"' in client.get("/network/targets/").content.decode()


def test_the_page_opens_on_the_last_completed_month_and_still_shows_this_one(client, heyuan, county_officer):
    login(client, county_officer)
    last = (MONTH - datetime.timedelta(days=1)).replace(day=1)
    page = client.get("/network/targets/").content.decode()
    assert f"五个100%（{last.year}年{last.month}月）" in page
    page = client.get("/network/targets/", {"month": f"{MONTH:%Y-%m}"}).content.decode()
    assert f"五个100%（{MONTH.year}年{MONTH.month}月）" in page
