"""The 监察案件台账 (filters, drill-down, .xlsx with masked ID numbers), the case page and its forms (a refusal shown
on the form), the approver's list, the statistics figures and pending work, and the API; a neighbouring county's
inspector gets 404 on pages and in the API and an empty list."""

import io
from decimal import Decimal

import openpyxl
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.pending import pending_work_for
from hrss.residents.demo import id_number_for
from hrss.supervision.inspection import services
from hrss.supervision.models import InspectionCase
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE
from tests.supervision.inspection.conftest import opened, receive

ID_NUMBER = id_number_for("441602", TODAY.replace(year=TODAY.year - 35, day=1), 333)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def call(user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return Client().get("/api/v1" + path, body or {}, headers=headers)
    return Client().post("/api/v1" + path, body or {}, content_type="application/json", headers=headers)


def test_ledger_filters_drill_down_and_export_masks_id_numbers(heyuan, inspector, village_assistant):
    case = opened(inspector, employer_name="河源市某制衣厂")
    services.add_worker(actor=inspector, case=case, name="李四", id_number=ID_NUMBER, amount_owed="8600",
                        today=TODAY)
    receive(inspector, employer_name="河源市公园餐馆", region_code=NEIGHBOUR_VILLAGE)
    client = logged_in(inspector)
    page = client.get("/supervision/inspection/").content.decode()
    assert "河源市某制衣厂" in page and "河源市公园餐馆" in page and "8,600.00" in page
    only_open = client.get("/supervision/inspection/", {"state": "unfinished"}).content.decode()
    assert "河源市某制衣厂" in only_open and "河源市公园餐馆" in only_open
    received = client.get("/supervision/inspection/", {"state": "received"}).content.decode()
    assert "河源市某制衣厂" not in received and "河源市公园餐馆" in received
    drilled = client.get("/supervision/inspection/", {"region": VILLAGE}).content.decode()
    assert "河源市某制衣厂" in drilled and "河源市公园餐馆" not in drilled
    month = client.get("/supervision/inspection/", {"month": f"{TODAY.year - 1}-01"}).content.decode()
    assert "河源市某制衣厂" not in month
    response = client.get("/supervision/inspection/export.xlsx", {"region": VILLAGE})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    assert "李四" in cells and ID_NUMBER not in cells and f"{ID_NUMBER[:6]}********{ID_NUMBER[14:]}" in cells
    assert "河源市公园餐馆" not in cells
    # The village assistant sees the case of her village only, read-only.
    mine = logged_in(village_assistant).get("/supervision/inspection/").content.decode()
    assert "河源市某制衣厂" in mine and "河源市公园餐馆" not in mine and "登记监察投诉</a>" not in mine


def test_the_case_page_shows_both_deadlines_and_a_refusal_on_its_form(heyuan, inspector):
    case = receive(inspector)
    client = logged_in(inspector)
    page = client.get(f"/supervision/inspection/{case.pk}/").content.decode()
    assert f"{case.accept_due:%Y-%m-%d}" in page and "立案后起算" in page
    response = client.post(f"/supervision/inspection/{case.pk}/decline/", {"on": TODAY.isoformat(), "reason": " "})
    assert response.status_code == 200 and "未能保存" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "received"
    response = client.post(f"/supervision/inspection/{case.pk}/accept/", {"on": TODAY.isoformat()})
    assert response.status_code == 302
    response = client.post(f"/supervision/inspection/{case.pk}/open/", {"on": TODAY.isoformat()})
    assert response.status_code == 302
    client.post(f"/supervision/inspection/{case.pk}/workers/", {"name": "李四", "amount_owed": "5000"})
    refused = client.post(f"/supervision/inspection/{case.pk}/recovery/",
                          {"worker": str(case.workers.get().pk), "amount_recovered": "6000"})
    assert "已追回金额6000.00元超过李四的拖欠金额5000.00元" in refused.content.decode()
    refused = client.post(f"/supervision/inspection/{case.pk}/conclude/", {"on": TODAY.isoformat(), "result": "   "})
    assert refused.status_code == 200 and "处理结果" in refused.content.decode()
    case.refresh_from_db()
    assert case.state == "open"
    page = client.get(f"/supervision/inspection/{case.pk}/").content.decode()
    assert f"{case.conclude_due:%Y-%m-%d}" in page and "剩 " in page and "登记劳动者李四" in page


def test_the_approver_sees_the_requested_extensions_and_decides_on_the_case_page(heyuan, inspector, approver):
    case = opened(inspector)
    logged_in(inspector).post(f"/supervision/inspection/{case.pk}/extension/", {"reason": "需调取银行流水"})
    listed = logged_in(approver).get("/supervision/inspection/extensions/").content.decode()
    assert case.number in listed and "需调取银行流水" in listed
    assert any(item.title == "待批准的监察案件延期" and item.count == 1 for item in pending_work_for(approver))
    # The inspector's own approval is refused (403), with the reason.
    refused = logged_in(inspector).post(f"/supervision/inspection/{case.pk}/extension/decide/",
                                        {"decision": "approve"})
    assert refused.status_code == 403 and "延期须经县(区)人力资源社会保障部门负责人批准" in refused.content.decode()
    response = logged_in(approver).post(f"/supervision/inspection/{case.pk}/extension/decide/",
                                        {"decision": "approve", "note": "同意"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.extension_state == "approved" and case.conclude_due > case.first_conclude_due


def test_figures_and_pending_work(heyuan, inspector, county_officer):
    case = opened(inspector)
    services.add_worker(actor=inspector, case=case, name="李四", amount_owed="5000", amount_recovered="1200",
                        today=TODAY)
    receive(inspector)
    statistics = logged_in(county_officer).get("/supervision/statistics/").content.decode()
    assert "本年收到监察案件" in statistics and "5,000.00" in statistics and "1,200.00" in statistics
    items = {item.title: item for item in pending_work_for(inspector)}
    assert items["待受理的劳动保障监察案件（5个工作日内决定）"].count == 1


def test_the_api_walks_a_case_to_its_conclusion(heyuan, inspector, approver, neighbour_inspector):
    created = call(inspector, "post", "/supervision/inspection-cases",
                   {"region_code": VILLAGE, "employer_name": "河源市某制衣厂", "summary": "拖欠2个月工资",
                    "complainant_name": "黄阿姨", "received_on": TODAY.isoformat()})
    assert created.status_code == 201, created.content
    case_id = created.json()["id"]
    base = f"/supervision/inspection-cases/{case_id}"
    assert call(inspector, "post", base + "/accept", {"on": TODAY.isoformat()}).json()["state"] == "accepted"
    assert call(inspector, "post", base + "/accept", {}).status_code == 422
    opened_case = call(inspector, "post", base + "/open", {}).json()
    assert opened_case["conclude_due"] is not None
    worker = call(inspector, "post", base + "/workers", {"name": "李四", "id_number": ID_NUMBER,
                                                         "amount_owed": "5000.00"})
    assert worker.status_code == 201 and worker.json()["id_number_masked"] != ID_NUMBER
    worker_id = worker.json()["id"]
    too_much = call(inspector, "post", f"{base}/workers/{worker_id}/recovery", {"amount_recovered": "5000.50"})
    assert too_much.status_code == 422 and "超过" in too_much.json()["detail"]
    assert call(inspector, "post", f"{base}/workers/{worker_id}/recovery",
                {"amount_recovered": "5000.00"}).status_code == 200
    assert call(inspector, "post", base + "/measures", {"kind": "pay", "taken_on": TODAY.isoformat(),
                                                        "amount": "5000.00"}).status_code == 201
    assert call(inspector, "post", base + "/extension", {"reason": "案情复杂"}).json()["extension_state"] == "requested"
    own = call(inspector, "post", base + "/extension/decision", {"approve": True})
    assert own.status_code == 403 and "负责人批准" in own.json()["detail"]
    assert call(approver, "post", base + "/extension/decision", {"approve": True}).json()["extension_state"] == \
        "approved"
    assert call(inspector, "post", base + "/referral", {"kind": "mediation", "body": "上城街道劳动争议调解委员会",
                                                        "referred_on": TODAY.isoformat()}).status_code == 200
    assert call(inspector, "post", base + "/referral/outcome", {"outcome": "达成调解协议",
                                                                "on": TODAY.isoformat()}).status_code == 200
    assert call(inspector, "post", base + "/conclude", {"result": ""}).status_code == 422
    done = call(inspector, "post", base + "/conclude", {"result": "调解结清"}).json()
    assert done["state"] == "concluded" and Decimal(done["amount_recovered"]) == Decimal("5000.00")
    assert len(done["rating_code"]) == 8 and [e["action"] for e in done["events"]][-1] == "concluded"
    listed = call(inspector, "get", "/supervision/inspection-cases", {"state": "concluded"}).json()
    assert [row["id"] for row in listed] == [case_id]
    # The neighbouring county's inspector: nothing listed, 404 on the case, nothing changed.
    assert call(neighbour_inspector, "get", "/supervision/inspection-cases").json() == []
    assert call(neighbour_inspector, "get", base).status_code == 404
    assert call(neighbour_inspector, "post", base + "/conclude", {"result": "越权"}).status_code == 404


def test_a_neighbour_county_inspector_gets_404(heyuan, inspector, neighbour_inspector):
    case = opened(inspector)
    client = logged_in(neighbour_inspector)
    for path in ("", "receipt/"):
        assert client.get(f"/supervision/inspection/{case.pk}/{path}").status_code == 404
    assert client.post(f"/supervision/inspection/{case.pk}/conclude/", {"result": "越权"}).status_code == 404
    assert client.get("/supervision/inspection/", {"region": VILLAGE}).status_code == 404
    assert case.number not in client.get("/supervision/inspection/").content.decode()
    assert InspectionCase.objects.get(pk=case.pk).state == "open"


def test_an_inspector_records_a_complaint_on_the_page(heyuan, inspector):
    client = logged_in(inspector)
    assert "登记投诉" in client.get("/supervision/inspection/new/").content.decode()
    response = client.post("/supervision/inspection/new/", {
        "source": "complaint", "received_on": TODAY.isoformat(), "region": VILLAGE, "employer_name": "河源市某厂",
        "employer_uscc": "91350100M000100Y43", "summary": "拖欠工资", "complainant_name": "王五"})
    case = InspectionCase.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/supervision/inspection/{case.pk}/"
    assert case.employer_uscc == "91350100M000100Y43" and case.region_code == VILLAGE
