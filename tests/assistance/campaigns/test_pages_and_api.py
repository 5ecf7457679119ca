"""The campaign pages and API translate: list, new, the page with target and done per measure and the child regions
(drilling down with ?region=, 404 outside the campaign), its .xlsx; the API's list, create (422 in Chinese) and
detail."""

import datetime
import io

import openpyxl

from hrss.accounts import services as account_services
from hrss.assistance.models import Campaign
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, TODAY, TOWNSHIP

DAY = datetime.timedelta(days=1)


def form(**changes):
    return {"region": COUNTY, "name": "就业援助月", "starts_on": (TODAY - 3 * DAY).isoformat(),
            "ends_on": (TODAY + 3 * DAY).isoformat(), "target_visits": "30", "target_recognitions": "", **changes}


def test_made_on_the_page_shown_with_its_child_regions_and_exported(heyuan, client, county_officer):
    client.force_login(county_officer)
    assert client.get("/assistance/campaigns/new/").status_code == 200
    refused = client.post("/assistance/campaigns/new/", form(ends_on=(TODAY - 5 * DAY).isoformat()))
    assert refused.status_code == 200 and "结束日期不能早于开始日期" in refused.content.decode()
    response = client.post("/assistance/campaigns/new/", form())
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and campaign.targets == {"visits": 30}
    page = client.get(f"/assistance/campaigns/{campaign.pk}/").content.decode()
    assert "入户走访" in page and "上城街道" in page and 'data-testid="campaign-children"' in page
    drilled = client.get(f"/assistance/campaigns/{campaign.pk}/", {"region": TOWNSHIP}).content.decode()
    assert "下城社区" in drilled
    assert client.get(f"/assistance/campaigns/{campaign.pk}/", {"region": NEIGHBOUR_COUNTY}).status_code == 404
    export = client.get(f"/assistance/campaigns/{campaign.pk}/export/")
    cells = " ".join(str(c.value) for row in openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows()
                     for c in row)
    assert "上城街道" in cells and "30" in cells
    listed = client.get("/assistance/campaigns/", {"state": "running"}).content.decode()
    assert "就业援助月" in listed
    assert "进行中的就业援助活动" in client.get("/assistance/statistics/").content.decode()


def test_edited_on_the_page(heyuan, client, county_officer):
    client.force_login(county_officer)
    client.post("/assistance/campaigns/new/", form())
    campaign = Campaign.objects.get()
    data = {key: value for key, value in form(target_visits="45").items() if key != "region"}
    assert client.post(f"/assistance/campaigns/{campaign.pk}/edit/", data).status_code == 302
    campaign.refresh_from_db()
    assert campaign.targets == {"visits": 45}


def headers(user):
    return {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}


def test_the_api(heyuan, client, county_officer):
    body = {"name": "春风行动", "region_code": COUNTY, "starts_on": TODAY.isoformat(),
            "ends_on": (TODAY + 9 * DAY).isoformat(), "targets": {"visits": 10}}
    bad = client.post("/api/v1/assistance/campaigns", {**body, "targets": {"bananas": 1}},
                      content_type="application/json", headers=headers(county_officer))
    assert bad.status_code == 422 and "没有这些统计项" in bad.json()["detail"]
    made = client.post("/api/v1/assistance/campaigns", body, content_type="application/json",
                       headers=headers(county_officer))
    assert made.status_code == 201
    detail = client.get(f"/api/v1/assistance/campaigns/{made.json()['id']}", headers=headers(county_officer)).json()
    assert detail["state"] == "running"
    visits = next(m for m in detail["measures"] if m["code"] == "visits")
    assert (visits["target"], visits["done"]) == (10, 0)
    assert {child["name"] for child in detail["children"]} >= {"上城街道"}
    assert [c["name"] for c in client.get("/api/v1/assistance/campaigns?state=running",
                                          headers=headers(county_officer)).json()] == ["春风行动"]
