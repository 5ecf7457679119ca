"""The pages and the API translate: the campaigns and starting one (county), the campaign's figures per region
drilling down to the village and its 认证名单 (searched by name or ID number, certified inline), the suspension
after the window, the 认证台账 and its .xlsx with masked IDs; the API's list, start, detail, certify and suspend.
Out of scope (the neighbouring village or county) is 404 on every page and API path."""

import datetime
import io

import openpyxl

from hrss.accounts import services as account_services
from hrss.pensions.certification import selectors
from hrss.pensions.models import CertificationCampaign, CertificationState, Pension, PensionState
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, TODAY, TOWNSHIP, VILLAGE

from .conftest import DAY, YEAR, certification_of

WINDOW = {"opens_on": TODAY - 5 * DAY, "closes_on": TODAY + 30 * DAY, "today": TODAY - 5 * DAY}


def headers(user):
    return {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}


def test_started_on_the_page_and_followed_down_to_the_village(pensioner, client, county_officer):
    pensioner("王大爷")
    client.force_login(county_officer)
    assert client.get("/pensions/certification/new/").status_code == 200
    form = {"region": COUNTY, "year": str(YEAR), "opens_on": (TODAY - 5 * DAY).isoformat(),
            "closes_on": (TODAY + 30 * DAY).isoformat(), "note": ""}
    refused = client.post("/pensions/certification/new/", {**form, "closes_on": (TODAY - 6 * DAY).isoformat()})
    assert "截止日期不能早于开始日期" in refused.content.decode()
    response = client.post("/pensions/certification/new/", form)
    campaign = CertificationCampaign.objects.get()
    assert response.status_code == 302 and selectors.subjects_seen(county_officer, campaign) == 1
    page = client.get(f"/pensions/certification/{campaign.pk}/").content.decode()
    assert "上城街道" in page and "还剩" in page and "认证期结束后" in page
    drilled = client.get(f"/pensions/certification/{campaign.pk}/", {"region": TOWNSHIP}).content.decode()
    assert "下城社区" in drilled and f"/pensions/certification/people/?region={VILLAGE}" in drilled
    assert client.get(f"/pensions/certification/{campaign.pk}/", {"region": NEIGHBOUR_COUNTY}).status_code == 404
    listed = client.get("/pensions/certification/", {"state": "open"}).content.decode()
    assert f"{YEAR}年度" in listed
    statistics = client.get("/pensions/statistics/").content.decode()
    assert "应认证" in statistics and "未认证已暂停" in statistics


def test_the_village_searches_and_certifies_inline(pensioner, start, client, village_assistant):
    first, other = pensioner("王大爷"), pensioner("李大娘")
    campaign = start(**WINDOW)
    client.force_login(village_assistant)
    page = client.get("/pensions/certification/people/").content.decode()
    assert "王大爷" in page and "李大娘" in page and "还剩" in page
    assert first.person.id_number not in page  # masked
    by_id = client.get("/pensions/certification/people/", {"q": other.person.id_number}).content.decode()
    assert "李大娘" in by_id and "王大爷" not in by_id
    certification = certification_of(campaign, first)
    back = f"/pensions/certification/people/?region={VILLAGE}&year={YEAR}&q=%E7%8E%8B"
    refused = client.post(f"/pensions/certification/certifications/{certification.pk}/certify/",
                          {"method": "relative", "on": TODAY.isoformat(), "relation": "儿子", "next": back})
    assert refused.status_code == 200 and "须填写证明亲属的姓名" in refused.content.decode()
    done = client.post(f"/pensions/certification/certifications/{certification.pk}/certify/",
                       {"method": "relative", "on": TODAY.isoformat(), "relative_name": "王小明", "relation": "儿子",
                        "next": back})
    assert done.status_code == 302 and done["Location"] == back
    certification.refresh_from_db()
    assert certification.state == CertificationState.CERTIFIED
    done_list = client.get("/pensions/certification/people/", {"state": "done"}).content.decode()
    assert "王小明" in done_list and "李大娘" not in done_list
    assert "领取待遇资格认证" in client.get(f"/residents/{first.person.pk}/").content.decode()


def test_the_ledger_and_its_export_mask_ids(pensioner, start, client, county_officer):
    pension = pensioner("王大爷")
    start(**WINDOW)
    client.force_login(county_officer)
    page = client.get("/pensions/certification/ledger/").content.decode()
    assert "王大爷" in page and pension.person.id_number not in page
    export = client.get("/pensions/certification/ledger/export/", {"region": VILLAGE})
    cells = " ".join(str(c.value) for row in openpyxl.load_workbook(io.BytesIO(export.content)).active.iter_rows()
                     for c in row)
    assert "王大爷" in cells and pension.person.id_number not in cells and "********" in cells


def test_suspended_on_the_page_after_the_window(pensioner, start, client, county_officer):
    late = pensioner("王大爷")
    campaign = start(opens_on=datetime.date(YEAR, 1, 1), closes_on=TODAY - DAY, today=datetime.date(YEAR, 1, 1))
    client.force_login(county_officer)
    assert "暂停未认证人员待遇" in client.get(f"/pensions/certification/{campaign.pk}/").content.decode()
    response = client.post(f"/pensions/certification/{campaign.pk}/suspend/")
    assert response.status_code == 302
    assert Pension.objects.get(pk=late.pk).state == PensionState.SUSPENDED
    page = client.get(f"/pensions/certification/{campaign.pk}/").content.decode()
    assert f"已于 {TODAY:%Y-%m-%d} 暂停" in page


def test_the_api(pensioner, client, county_officer, village_assistant):
    pension = pensioner("王大爷")
    body = {"region_code": COUNTY, "year": YEAR, "opens_on": (TODAY - 5 * DAY).isoformat(),
            "closes_on": (TODAY + 30 * DAY).isoformat()}
    bad = client.post("/api/v1/pensions/certification-campaigns", {**body, "region_code": TOWNSHIP},
                      content_type="application/json", headers=headers(county_officer))
    assert bad.status_code == 422 and "市或县(区)" in bad.json()["detail"]
    made = client.post("/api/v1/pensions/certification-campaigns", body, content_type="application/json",
                       headers=headers(county_officer))
    assert made.status_code == 201 and made.json()["subjects"] == 1
    campaign_id = made.json()["id"]
    detail = client.get(f"/api/v1/pensions/certification-campaigns/{campaign_id}", headers=headers(county_officer))
    assert detail.json()["state"] == "open" and detail.json()["figures"]["due"] == 1
    assert {child["name"] for child in detail.json()["children"]} >= {"上城街道"}
    listed = client.get("/api/v1/pensions/certifications", headers=headers(village_assistant)).json()
    assert [row["name"] for row in listed] == ["王大爷"]
    refused = client.post(f"/api/v1/pensions/certifications/{listed[0]['id']}/certify",
                          {"method": "relative", "on": TODAY.isoformat()}, content_type="application/json",
                          headers=headers(village_assistant))
    assert refused.status_code == 422 and "证明亲属的姓名" in refused.json()["detail"]
    certified = client.post(f"/api/v1/pensions/certifications/{listed[0]['id']}/certify",
                            {"method": "visit", "on": TODAY.isoformat()}, content_type="application/json",
                            headers=headers(village_assistant))
    assert certified.status_code == 200 and certified.json()["state"] == "certified"
    early = client.post(f"/api/v1/pensions/certification-campaigns/{campaign_id}/suspend",
                        content_type="application/json", headers=headers(county_officer))
    assert early.status_code == 422 and "才能暂停" in early.json()["detail"]
    assert Pension.objects.get(pk=pension.pk).state == PensionState.PAYING


def test_neighbours_get_404_everywhere(pensioner, start, client, neighbour_village_assistant,
                                       neighbour_county_officer):
    pension = pensioner("王大爷")
    campaign = start(**WINDOW)
    certification = certification_of(campaign, pension)
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        client.force_login(outsider)
        for path in (f"/pensions/certification/{campaign.pk}/",
                     f"/pensions/certification/certifications/{certification.pk}/certify/",
                     f"/pensions/certification/people/?region={VILLAGE}",
                     f"/pensions/certification/people/reminders/?region={VILLAGE}",
                     f"/pensions/certification/ledger/?region={VILLAGE}",
                     f"/pensions/certification/ledger/export/?region={VILLAGE}",
                     f"/pensions/certification/?region={COUNTY}"):
            assert client.get(path).status_code == 404, (outsider, path)
        assert client.post(f"/pensions/certification/{campaign.pk}/suspend/").status_code == 404
        assert "王大爷" not in client.get("/pensions/certification/people/").content.decode()
        for method, path in (("get", f"/api/v1/pensions/certification-campaigns/{campaign.pk}"),
                             ("post", f"/api/v1/pensions/certification-campaigns/{campaign.pk}/suspend"),
                             ("post", f"/api/v1/pensions/certifications/{certification.pk}/certify"),
                             ("get", f"/api/v1/pensions/certifications?region={VILLAGE}")):
            response = getattr(client, method)(path, {"method": "visit", "on": TODAY.isoformat()} if method == "post"
                                               else None, content_type="application/json", headers=headers(outsider))
            assert response.status_code == 404, (outsider, path)
        assert client.get("/api/v1/pensions/certifications", headers=headers(outsider)).json() == []
