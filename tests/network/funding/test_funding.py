"""建设资金: who records which source, the balance a disbursement may not exceed, the county's 30% match, the city's
reward only after acceptance, document numbers, the implementation plan's filing, the pages, the .xlsx and scope."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from hrss.core import review
from hrss.core.models import AuditEntry
from hrss.core.text import amount_of
from hrss.network.acceptance.chains import ACCEPTANCE
from hrss.network.funding import services
from hrss.network.models import (
    Acceptance,
    AcceptanceState,
    FundAllocation,
    FundDisbursement,
    ImplementationPlan,
    Office,
    PlanState,
)
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, TODAY, TOWNSHIP, login

DAY = datetime.timedelta(days=1)
pytestmark = pytest.mark.django_db


def allocate(actor, region, source, amount, number, **extra):
    return services.record_allocation(actor=actor, region=region, source=source, amount=amount_of(amount),
                                      document_number=number, allocated_on=TODAY - 10 * DAY, today=TODAY, **extra)


def disburse(actor, region, source, amount, number, purpose="infrastructure"):
    return services.record_disbursement(actor=actor, region=region, source=source, purpose=purpose,
                                        amount=amount_of(amount), document_number=number,
                                        disbursed_on=TODAY - 5 * DAY, today=TODAY)


def accept(office, county_officer, city_admin, on):
    """The office accepted on `on` as the city's decision leaves it (the acceptance part's record and its case)."""
    case = review.open_case(chain=ACCEPTANCE, region_code=office.region_code, subject_id_number="",
                            title="服务机构验收", actor=county_officer, today=TODAY)
    Acceptance.objects.create(office=office, region_code=office.region_code, case=case, state=AcceptanceState.ACCEPTED,
                              requested_on=on - 3 * DAY, requested_by=county_officer, decided_on=on,
                              decided_by=city_admin, accepted_on=on)


def test_the_balance_is_allocated_less_disbursed_by_source(township, county_officer, city_admin, client):
    allocate(city_admin, township, "province", "200,000", "粤财社〔2011〕1号")
    allocate(county_officer, township, "county", "60000", "源财〔2011〕2号")
    disburse(county_officer, township, "province", "80000.50", "源财〔2011〕3号")
    disburse(county_officer, township, "province", "19999.50", "源财〔2011〕4号", purpose="equipment")
    disburse(county_officer, township, "county", "10000", "源财〔2011〕5号")
    page = login(client, county_officer).get(f"/network/funds/offices/{TOWNSHIP}/").content.decode()
    assert 'data-testid="balance-province">100,000.00<' in page
    assert 'data-testid="balance-county">50,000.00<' in page
    assert 'data-testid="balance-city">0.00<' in page
    county = client.get("/network/funds/", {"region": COUNTY}).content.decode()
    assert 'data-testid="funding-balance">150,000.00<' in county


def test_disbursing_more_than_the_balance_is_refused_naming_it(township, county_officer, city_admin):
    allocate(city_admin, township, "province", "100000", "粤财社〔2011〕1号")
    disburse(county_officer, township, "province", "70000", "源财〔2011〕3号")
    with pytest.raises(ValidationError) as refused:
        disburse(county_officer, township, "province", "30000.01", "源财〔2011〕4号")
    assert "可拨付余额为30,000.00元" in refused.value.messages[0]
    assert "本次拨付30,000.01元超出余额" in refused.value.messages[0]
    with pytest.raises(ValidationError, match="县配套可拨付余额为0.00元"):
        disburse(county_officer, township, "county", "1", "源财〔2011〕5号")
    assert FundDisbursement.objects.count() == 1
    disburse(county_officer, township, "province", "30000", "源财〔2011〕4号")  # exactly the balance is fine


@pytest.mark.parametrize("amount", ["0", "-100", "0.00"])
def test_zero_or_negative_amounts_are_refused(township, county_officer, amount):
    with pytest.raises(ValidationError, match="金额应大于0元"):
        allocate(county_officer, township, "county", amount, "源财〔2011〕2号")
    assert not FundAllocation.objects.exists()
    assert not Office.objects.filter(region_code=TOWNSHIP).exists()  # nothing half-written


def test_a_match_under_30_percent_is_flagged(township, county_officer, city_admin, client):
    allocate(city_admin, township, "province", "100000", "粤财社〔2011〕1号")
    allocate(county_officer, township, "county", "29999.99", "源财〔2011〕2号")
    login(client, county_officer)
    page = client.get("/network/funds/", {"region": COUNTY}).content.decode()
    assert 'data-testid="funding-match-warning"' in page and "30.0%" in page
    allocate(county_officer, township, "county", "0.01", "源财〔2011〕6号")
    page = client.get("/network/funds/", {"region": COUNTY}).content.decode()
    assert 'data-testid="funding-match-warning"' not in page
    assert 'data-testid="funding-match">30.0%<' in page


def test_who_records_which_source(township, county_officer, city_admin):
    with pytest.raises(PermissionDenied, match="省补助由市级"):
        allocate(county_officer, township, "province", "1000", "粤财社〔2011〕1号")
    with pytest.raises(PermissionDenied, match="县配套由本县"):
        allocate(city_admin, township, "county", "1000", "源财〔2011〕2号")
    assert AuditEntry.objects.filter(action="network.fund_allocation.record", outcome="denied").count() == 2


def test_the_city_reward_is_refused_before_acceptance_and_recorded_after(township, county_officer, city_admin):
    with pytest.raises(ValidationError) as refused:
        allocate(city_admin, township, "city", "50000", "河人社〔2012〕8号")
    assert "尚未验收合格，不能登记市以奖代补" in refused.value.messages[0]
    assert not FundAllocation.objects.exists()
    office = Office.objects.create(region_code=TOWNSHIP)
    accept(office, county_officer, city_admin, datetime.date(2011, 12, 20))  # by the plan's first milestone
    reward = allocate(city_admin, township, "city", "50000", "河人社〔2012〕8号")
    assert reward.office == office and reward.amount == Decimal("50000.00")
    entry = AuditEntry.objects.get(action="network.fund_allocation.recorded")
    assert entry.after["fund_source"] == "city" and entry.region_code == TOWNSHIP


def test_the_city_reward_is_refused_for_an_office_accepted_after_its_milestone(heyuan, county_officer, city_admin):
    xinjiang = heyuan["441602002000"]  # 新江街道: every office's milestone, 2012-09-30
    accept(Office.objects.create(region_code=xinjiang.code), county_officer, city_admin, datetime.date(2012, 10, 8))
    with pytest.raises(ValidationError) as refused:
        allocate(city_admin, xinjiang, "city", "50000", "河人社〔2012〕9号")
    assert "于2012-10-08验收合格，晚于" in refused.value.messages[0]
    assert "2012-09-30" in refused.value.messages[0] or "2011-12-31" in refused.value.messages[0]
    assert not FundAllocation.objects.exists()


def test_document_numbers_are_not_recorded_twice_in_a_county(township, heyuan, county_officer, city_admin):
    allocate(county_officer, township, "county", "1000", "源财〔2011〕2号")
    with pytest.raises(ValidationError, match="已登记过本服务机构的县配套下达"):
        allocate(county_officer, township, "county", "1000", "源财〔2011〕2号")
    neighbour = heyuan["441602002000"]  # 新江街道, the same county: one document may allocate to several offices
    allocate(county_officer, neighbour, "county", "1000", "源财〔2011〕2号")
    with pytest.raises(ValidationError, match="已用于县配套下达"):
        allocate(city_admin, township, "province", "1000", "源财〔2011〕2号")
    with pytest.raises(ValidationError, match="已用于资金下达"):
        disburse(county_officer, township, "county", "100", "源财〔2011〕2号")


def test_a_neighbouring_county_is_not_found(township, heyuan, city_admin, county_officer, neighbour_county_officer, client):
    allocate(county_officer, township, "county", "1000", "源财〔2011〕2号")
    plan = services.submit_plan(actor=county_officer, county=heyuan[COUNTY], title="实施方案",
                                document_number="源府〔2011〕1号", issued_on=TODAY, text="正文", today=TODAY)
    login(client, neighbour_county_officer)
    assert client.get(f"/network/funds/offices/{TOWNSHIP}/").status_code == 404
    assert client.get("/network/funds/", {"region": COUNTY}).status_code == 404
    assert client.get(f"/network/funds/plans/{plan.pk}/").status_code == 404
    assert client.post(f"/network/funds/plans/{plan.pk}/file/").status_code == 404
    own = client.get("/network/funds/").content.decode()
    assert "上城街道" not in own and "源财" not in own
    with pytest.raises(PermissionDenied):
        disburse(neighbour_county_officer, township, "county", "100", "紫财〔2011〕1号")


def _pdf(extra=b""):
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + extra + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def test_the_plan_is_sent_with_a_pdf_and_filed_or_returned(county_officer, city_admin, client, heyuan):
    login(client, county_officer)
    not_pdf = SimpleUploadedFile("方案.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    page = client.post(f"/network/funds/plans/new/?region={COUNTY}", {
        "title": "源城区平台建设实施方案", "document_number": "源府〔2011〕1号", "issued_on": TODAY.isoformat(),
        "attachment": not_pdf})
    assert "上传的文件不是 PDF" in page.content.decode()
    scripted = SimpleUploadedFile("方案.pdf", _pdf(b"<< /S /JavaScript /JS (app.alert(1)) >>\n"))
    page = client.post(f"/network/funds/plans/new/?region={COUNTY}", {
        "title": "源城区平台建设实施方案", "document_number": "源府〔2011〕1号", "issued_on": TODAY.isoformat(),
        "attachment": scripted})
    assert "含有脚本" in page.content.decode()
    assert not ImplementationPlan.objects.exists()
    response = client.post(f"/network/funds/plans/new/?region={COUNTY}", {
        "title": "源城区平台建设实施方案", "document_number": "源府〔2011〕1号", "issued_on": TODAY.isoformat(),
        "attachment": SimpleUploadedFile("方案.pdf", _pdf())})
    plan = ImplementationPlan.objects.get()
    assert response.status_code == 302 and plan.state == PlanState.SUBMITTED
    assert client.get(f"/network/funds/plans/{plan.pk}/attachment/").content == _pdf()
    with pytest.raises(PermissionDenied):
        services.file_plan(actor=county_officer, plan=plan, today=TODAY)
    login(client, city_admin)
    page = client.post(f"/network/funds/plans/{plan.pk}/return/", {"reason": ""})
    assert page.status_code == 200
    client.post(f"/network/funds/plans/{plan.pk}/return/", {"reason": "未写明县配套资金的来源"})
    plan.refresh_from_db()
    assert plan.state == PlanState.RETURNED and plan.return_reason == "未写明县配套资金的来源"
    again = services.submit_plan(actor=county_officer, county=heyuan[COUNTY], title="源城区平台建设实施方案（修订）",
                                 document_number="源府〔2011〕2号", issued_on=TODAY, text="县财政配套30%。", today=TODAY)
    with pytest.raises(ValidationError, match="已有报送待备案"):
        services.submit_plan(actor=county_officer, county=heyuan[COUNTY], title="再次", document_number="源府〔2011〕3号",
                             issued_on=TODAY, text="x", today=TODAY)
    client.post(f"/network/funds/plans/{again.pk}/file/")
    again.refresh_from_db()
    assert again.state == PlanState.FILED and again.decided_by == city_admin
    page = client.get("/network/funds/", {"region": "441600000000"}).content.decode()
    assert "已备案" in page


def _sheet(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return [list(row) for row in openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]


def test_the_xlsx_carries_the_figures_of_the_page(township, heyuan, county_officer, city_admin, client):
    allocate(city_admin, township, "province", "100000", "粤财社〔2011〕1号")
    allocate(county_officer, township, "county", "20000", "源财〔2011〕2号")
    disburse(county_officer, township, "province", "40000", "源财〔2011〕3号")
    zicheng = heyuan["441621100000"]
    allocate(city_admin, zicheng, "province", "50000", "粤财社〔2011〕9号")
    login(client, city_admin)
    rows = _sheet(client.get("/network/funds/", {"region": "441600000000", "format": "xlsx"}))
    header = rows[1]
    yuancheng = next(row for row in rows if row[0] == "源城区")
    assert yuancheng[header.index("省补助下达")] == 100000
    assert yuancheng[header.index("县配套下达")] == 20000
    assert yuancheng[header.index("省补助拨付")] == 40000
    assert yuancheng[header.index("省补助余额")] == 60000
    assert yuancheng[header.index("余额合计")] == 80000
    assert yuancheng[header.index("县配套/省补助")] == "20.0%"
    total = next(row for row in rows if row[0] == "合计")
    assert total[header.index("省补助下达")] == 150000
    assert len([row for row in rows[2:-1] if row[0]]) == 6  # the six counties
    lines = _sheet(client.get(f"/network/funds/offices/{TOWNSHIP}/", {"format": "xlsx"}))
    assert ["拨付", TODAY - 5 * DAY, "省补助", "基础设施", 40000] == [
        *lines[-1][:1], lines[-1][1].date() if hasattr(lines[-1][1], "date") else lines[-1][1], *lines[-1][2:5]]
    assert AuditEntry.objects.filter(action="network.funds.exported", actor=city_admin).count() == 2


def test_the_neighbouring_county_sees_only_its_own_in_the_citys_figures(township, county_officer, city_admin,
                                                                       neighbour_county_officer, client):
    allocate(city_admin, township, "province", "100000", "粤财社〔2011〕1号")
    login(client, neighbour_county_officer)
    rows = _sheet(client.get("/network/funds/", {"format": "xlsx"}))
    assert all("上城街道" not in str(row[0]) for row in rows)
    assert rows[-1][0] == "合计" and rows[-1][1] == 0
    assert client.get("/network/funds/", {"region": NEIGHBOUR_COUNTY}).status_code == 200


def test_the_api_records_and_reads_through_the_same_rules(township, county_officer, city_admin, client):
    from hrss.accounts import services as account_services

    def call(user, path, body=None):
        headers = {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}
        if body is None:
            return client.get(path, headers=headers)
        return client.post(path, body, content_type="application/json", headers=headers)

    made = call(city_admin, "/api/v1/network/funds/allocations", {
        "region_code": TOWNSHIP, "source": "province", "amount": "100,000", "document_number": "粤财社〔2011〕1号",
        "allocated_on": (TODAY - DAY).isoformat()})
    assert made.status_code == 201 and made.json()["amount"] == "100000.00"
    over = call(county_officer, "/api/v1/network/funds/disbursements", {
        "region_code": TOWNSHIP, "source": "province", "purpose": "equipment", "amount": "100000.01",
        "document_number": "源财〔2011〕3号", "disbursed_on": TODAY.isoformat()})
    assert over.status_code == 422 and "可拨付余额为100,000.00元" in str(over.json())
    refused = call(county_officer, "/api/v1/network/funds/allocations", {
        "region_code": TOWNSHIP, "source": "city", "amount": "1", "document_number": "x",
        "allocated_on": TODAY.isoformat()})
    assert refused.status_code == 403
    funds = call(county_officer, f"/api/v1/network/funds?region={COUNTY}").json()
    assert funds["total"]["balance"]["province"] == "100000.00"
    assert funds["total"]["match_ratio"] == "0.0000" and funds["total"]["under_required"] is True  # nothing matched yet
    assert funds["required_ratio"] == "0.30"


def test_the_areas_statistics_show_the_funds_per_county(township, county_officer, city_admin, client):
    allocate(city_admin, township, "province", "100000", "粤财社〔2011〕1号")
    disburse(county_officer, township, "province", "25000.50", "源财〔2011〕3号")
    login(client, city_admin)
    page = client.get("/network/statistics/").content.decode()
    assert "省补助下达（元）" in page and "100,000.00" in page and "74,999.50" in page
    rows = [list(row) for sheet in openpyxl.load_workbook(io.BytesIO(
        client.get("/network/statistics/", {"format": "xlsx"}).content)).worksheets
        if sheet.title == "建设资金" for row in sheet.iter_rows(values_only=True)]
    header = rows[1]
    yuancheng = next(row for row in rows if row[0] == "源城区")
    assert yuancheng[header.index("资金余额（元）")] == Decimal("74999.50")
