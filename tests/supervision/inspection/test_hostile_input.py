"""Input a security test sent (findings 2 and 4): a complaint received before 《劳动保障监察条例》 was in force, and a
month the ledger cannot filter on (9999-12, not begun; 0001-01, too early). Each is refused in Chinese, on the page
and in the API, and nothing is written."""

from hrss.core.models import AuditEntry
from hrss.supervision.models import InspectionCase
from tests.conftest import VILLAGE
from tests.supervision.inspection.conftest import receive
from tests.supervision.inspection.test_pages_and_api import call, logged_in

BEFORE_THE_LAW = "早于《劳动保障监察条例》施行之日（2004年12月1日）"


def test_a_complaint_received_before_the_regulation_is_refused_in_the_api_and_on_the_page(heyuan, inspector):
    for day in ("2004-11-30", "0001-01-01"):
        response = call(inspector, "post", "/supervision/inspection-cases", {
            "region_code": VILLAGE, "employer_name": "测试厂", "summary": "测试", "received_on": day})
        assert response.status_code == 422 and BEFORE_THE_LAW in response.json()["detail"], day
        page = logged_in(inspector).post("/supervision/inspection/new/", {
            "source": "complaint", "received_on": day, "region": VILLAGE, "employer_name": "测试厂", "summary": "测试"})
        assert page.status_code == 200 and BEFORE_THE_LAW in page.content.decode(), day
    assert not InspectionCase.objects.exists() and not AuditEntry.objects.filter(action__startswith="supervision.").exists()
    # The regulation's first day is taken.
    response = call(inspector, "post", "/supervision/inspection-cases", {
        "region_code": VILLAGE, "employer_name": "测试厂", "summary": "测试", "received_on": "2004-12-01"})
    assert response.status_code == 201


def test_a_month_the_ledger_cannot_filter_on_is_refused_in_chinese(heyuan, inspector):
    receive(inspector, employer_name="河源市某制衣厂")
    client = logged_in(inspector)
    for month, said in (("9999-12", "9999年12月尚未开始"), ("0001-01", "请选择2000年01月以后的月份"),
                        ("2026-13", "无法识别")):
        page = client.get("/supervision/inspection/", {"month": month})
        text = page.content.decode()
        assert page.status_code == 200 and said in text and "已显示全部月份" in text, month
        assert "河源市某制衣厂" in text  # the filter dropped, every month shown
        download = client.get("/supervision/inspection/export.xlsx", {"month": month})
        assert download.status_code == 302, month
        assert download["Location"] == f"/supervision/inspection/?month={month}"
        answer = call(inspector, "get", "/supervision/inspection-cases", {"month": month})
        assert answer.status_code == 422 and said in answer.json()["detail"], month
    assert not AuditEntry.objects.filter(action="supervision.inspection.ledger_exported").exists()
