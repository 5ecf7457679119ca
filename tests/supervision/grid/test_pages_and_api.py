"""The grid's pages (the cell, the lead ledger with its filters and .xlsx, a lead's page and its decisions, the visit
ledger) and the API; a neighbouring village and a neighbouring county get 404, on pages and in the API."""

import io

import openpyxl
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.models import AuditEntry
from hrss.supervision.models import EmployerVisit, InspectionCase, Lead, LeadState
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.supervision.grid.conftest import USCC, report


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def call(user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return Client().get("/api/v1/supervision" + path, body or {}, headers=headers)
    return Client().post("/api/v1/supervision" + path, body or {}, content_type="application/json", headers=headers)


def cells(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [[cell for cell in row] for row in workbook.active.iter_rows(values_only=True)]


def test_reporting_a_lead_on_the_page_and_the_township_forwarding_it(heyuan, village_assistant, township_officer):
    client = logged_in(village_assistant)
    form = client.get("/supervision/grid/leads/new/", {"region": VILLAGE}).content.decode()
    assert "报告网格" in form and "下城社区" in form
    refused = client.post("/supervision/grid/leads/new/", {
        "region": VILLAGE, "reported_on": str(TODAY), "employer_name": "某工地", "employer_uscc": "123",
        "kind": "wages", "workers_affected": "9", "description": "欠薪"})
    assert refused.status_code == 200 and "统一社会信用代码“123”有误" in refused.content.decode()
    done = client.post("/supervision/grid/leads/new/", {
        "region": VILLAGE, "reported_on": str(TODAY), "employer_name": "某工地", "employer_uscc": "",
        "kind": "wages", "workers_affected": "9", "description": "欠薪两个月"})
    lead = Lead.objects.get()
    assert done.status_code == 302 and done["Location"] == f"/supervision/grid/leads/{lead.pk}/"
    page = client.get(f"/supervision/grid/leads/{lead.pk}/").content.decode()
    assert "记录为现场解决" in page and "由乡镇(街道)或县(区)决定" in page and 'data-testid="lead-forward"' not in page
    township = logged_in(township_officer)
    refused = township.post(f"/supervision/grid/leads/{lead.pk}/dismiss/", {"reason": ""})
    assert refused.status_code == 200 and "请填写不予移交的理由" in refused.content.decode()
    assert township.post(f"/supervision/grid/leads/{lead.pk}/forward/", {"note": ""}).status_code == 302
    lead.refresh_from_db()
    assert lead.state == LeadState.FORWARDED and InspectionCase.objects.filter(lead=lead).exists()
    forwarded = township.get(f"/supervision/grid/leads/{lead.pk}/").content.decode()
    case = InspectionCase.objects.get(lead=lead)
    assert "已移交劳动保障监察" in forwarded and f"/supervision/inspection/{case.pk}/" in forwarded


def test_the_lead_ledger_filters_and_exports(heyuan, village_assistant, township_officer):
    report(village_assistant, employer_name="欠薪建材部")
    services_lead = report(village_assistant, employer_name="加班电子厂", kind="overtime")
    from hrss.supervision.grid import services

    services.dismiss_lead(actor=township_officer, lead=services_lead, reason="已调解")
    client = logged_in(township_officer)
    every = client.get("/supervision/grid/leads/").content.decode()
    assert "欠薪建材部" in every and "加班电子厂" in every
    open_only = client.get("/supervision/grid/leads/", {"state": "reported"}).content.decode()
    assert "欠薪建材部" in open_only and "加班电子厂" not in open_only
    by_kind = client.get("/supervision/grid/leads/", {"kind": "overtime"}).content.decode()
    assert "欠薪建材部" not in by_kind and "加班电子厂" in by_kind
    export = client.get("/supervision/grid/leads/export.xlsx", {"region": TOWNSHIP, "state": "dismissed"})
    rows = cells(export)
    assert rows[0][0].startswith("网格线索台账（上城街道") and rows[1][0] == "网格"
    assert [row[2] for row in rows[2:]] == ["加班电子厂"] and rows[2][8] == "不予移交" and rows[2][11] == "已调解"
    import datetime

    assert rows[2][1] == datetime.datetime.combine(TODAY, datetime.time())  # a date Excel sorts and filters
    assert AuditEntry.objects.filter(action="supervision.grid_leads.exported").exists()


def test_the_visit_ledger_and_its_export(heyuan, village_assistant):
    client = logged_in(village_assistant)
    response = client.post("/supervision/grid/visits/new/", {
        "region": VILLAGE, "visited_on": str(TODAY), "employer_name": "下城洗车行", "employer_uscc": USCC,
        "findings": "3人未参保", "problems_found": "on", "lead_kind": "not_insured", "workers_affected": "3",
        "lead_description": "3名员工未参保"})
    assert response.status_code == 302
    visit = EmployerVisit.objects.get()
    assert visit.lead.kind == "not_insured"
    page = client.get("/supervision/grid/visits/", {"problems": "1"}).content.decode()
    assert "下城洗车行" in page and "未参保线索" in page
    rows = cells(client.get("/supervision/grid/visits/export.xlsx"))
    assert rows[2][2] == "下城洗车行" and rows[2][3] == USCC and rows[2][5] == "是"


def test_a_neighbour_gets_404_for_the_lead_and_its_decisions(heyuan, village_assistant, neighbour_village_assistant,
                                                               neighbour_county_officer):
    lead = report(village_assistant)
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        client = logged_in(outsider)
        assert client.get(f"/supervision/grid/leads/{lead.pk}/").status_code == 404
        assert client.post(f"/supervision/grid/leads/{lead.pk}/resolve/", {"note": "越权"}).status_code == 404
        assert client.get("/supervision/grid/leads/", {"region": VILLAGE}).status_code == 404
        assert "河源市某建材经营部" not in client.get("/supervision/grid/leads/").content.decode()
        assert call(outsider, "get", f"/leads/{lead.pk}").status_code == 404
        assert call(outsider, "get", "/leads").json() == []
        assert call(outsider, "get", f"/grid-cells/{VILLAGE}").status_code == 404
    lead.refresh_from_db()
    assert lead.state == LeadState.REPORTED


def test_the_api_reports_lists_and_decides(heyuan, village_assistant, township_officer):
    made = call(village_assistant, "post", "/leads", {
        "region_code": VILLAGE, "employer_name": "某电子厂", "kind": "child_labour", "description": "疑似使用童工",
        "workers_affected": 1})
    assert made.status_code == 201 and made.json()["state"] == "reported"
    lead_id = made.json()["id"]
    refused = call(village_assistant, "post", "/leads", {"region_code": VILLAGE, "employer_name": "x", "kind": "x",
                                                         "description": "x"})
    assert refused.status_code == 422 and "请选择线索类别" in refused.json()["detail"]
    assert call(village_assistant, "post", f"/leads/{lead_id}/forward").status_code == 403
    assert call(township_officer, "post", f"/leads/{lead_id}/dismiss", {"reason": ""}).status_code == 422
    forwarded = call(township_officer, "post", f"/leads/{lead_id}/forward", {"note": "请立案"})
    assert forwarded.status_code == 200 and forwarded.json()["state"] == "forwarded"
    assert [row["id"] for row in call(township_officer, "get", "/leads", {"state": "forwarded"}).json()] == [lead_id]
    staff = call(township_officer, "post", f"/grid-cells/{VILLAGE}/staff", {
        "name": "陈网格", "phone": "13800000001", "post": "full_time", "user_id": village_assistant.pk})
    assert staff.status_code == 201 and staff.json()["user_id"] == village_assistant.pk
    cell = call(village_assistant, "get", f"/grid-cells/{VILLAGE}").json()
    assert [s["name"] for s in cell["staff"]] == ["陈网格"] and cell["figures"]["leads_this_year"] == 1
    removed = call(township_officer, "post", f"/grid-cells/{VILLAGE}/staff/{staff.json()['id']}/remove", {})
    assert removed.json()["left_on"] == str(TODAY)
    visit = call(village_assistant, "post", "/employer-visits", {
        "region_code": VILLAGE, "employer_name": "某餐馆", "visited_on": str(TODAY), "findings": "正常"})
    assert visit.status_code == 201 and visit.json()["lead_id"] is None
    assert call(village_assistant, "get", f"/employer-visits/{visit.json()['id']}").status_code == 200
    assert call(township_officer, "get", f"/grid-cells/{NEIGHBOUR_VILLAGE}").json()["staff"] == []


def test_pending_work_shows_the_townships_open_leads(heyuan, village_assistant, township_officer):
    report(village_assistant)
    home = logged_in(township_officer).get("/").content.decode()
    assert "待处理的网格线索" in home
    assert "待处理的网格线索" not in logged_in(village_assistant).get("/").content.decode()


def test_every_page_opens_at_each_level(heyuan, village_assistant, township_officer, county_officer, city_admin,
                                        province_viewer):
    lead = report(village_assistant)
    for user in (village_assistant, township_officer, county_officer, city_admin, province_viewer):
        client = logged_in(user)
        for path in ("/supervision/grid/", "/supervision/grid/leads/", "/supervision/grid/visits/",
                     f"/supervision/grid/leads/{lead.pk}/", "/supervision/grid/leads/export.xlsx",
                     "/supervision/grid/visits/export.xlsx", "/supervision/statistics/", "/supervision/", "/"):
            assert client.get(path).status_code == 200, (user.username, path)
    county_page = logged_in(county_officer).get("/supervision/grid/").content.decode()
    assert "上城街道" in county_page and 'data-testid="grid-regions"' in county_page
    assert logged_in(province_viewer).get("/supervision/grid/leads/new/").status_code == 403
