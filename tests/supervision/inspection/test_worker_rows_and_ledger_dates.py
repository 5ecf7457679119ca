"""Trial fixes (re-trial, journeys 3 and 6): the same worker entered twice is refused in Chinese, a worker row
entered in error is removed (with a reason, audited, only while the case runs and nothing was recovered for that
worker) on the page and in the API and the case's 拖欠 follows; the 监察案件台账 .xlsx has real dates and a pending due
with its estimate; the approver's list of extensions shows the reason in full; the conclude form says its 处理结果 is
printed on the complainant's 结案告知书."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from hrss.core.models import AuditEntry
from hrss.residents.demo import id_number_for
from hrss.supervision.inspection import services
from tests.conftest import TODAY
from tests.supervision.inspection.conftest import opened
from tests.supervision.inspection.test_pages_and_api import call, logged_in

D = datetime.date
ID_A = id_number_for("441602", TODAY.replace(year=TODAY.year - 35, day=1), 333)
ID_B = id_number_for("441602", TODAY.replace(year=TODAY.year - 30, day=1), 444)


def test_the_same_worker_twice_is_refused_and_a_namesake_with_another_id_is_taken(heyuan, inspector):
    case = opened(inspector)
    services.add_worker(actor=inspector, case=case, name="张大伟", amount_owed="5200", today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.add_worker(actor=inspector, case=case, name=" 张大伟 ", amount_owed="5200", today=TODAY)
    assert "该劳动者已登记在本案" in " ".join(refused.value.messages)
    case.refresh_from_db()
    assert case.workers.count() == 1 and str(case.amount_owed) == "5200.00"
    # With 身份号码: the same number again is refused, another person of the same name is taken.
    services.add_worker(actor=inspector, case=case, name="李四", id_number=ID_A, amount_owed="3000", today=TODAY)
    with pytest.raises(ValidationError):
        services.add_worker(actor=inspector, case=case, name="李四", id_number=ID_A, amount_owed="3000", today=TODAY)
    services.add_worker(actor=inspector, case=case, name="李四", id_number=ID_B, amount_owed="1000", today=TODAY)
    case.refresh_from_db()
    assert case.workers.count() == 3 and str(case.amount_owed) == "9200.00"


def test_the_page_refuses_a_resend_and_removes_a_row_entered_in_error(heyuan, inspector):
    case = opened(inspector)
    client = logged_in(inspector)
    form = {"name": "张大伟", "amount_owed": "5200", "amount_recovered": ""}
    assert client.post(f"/supervision/inspection/{case.pk}/workers/", form).status_code == 302
    again = client.post(f"/supervision/inspection/{case.pk}/workers/", form)
    assert again.status_code == 200 and "该劳动者已登记在本案" in again.content.decode()
    services.add_worker(actor=inspector, case=case, name="王五", amount_owed="1000", today=TODAY)
    worker = case.workers.get(name="王五")
    page = client.get(f"/supervision/inspection/{case.pk}/").content.decode()
    assert 'data-testid="inspection-worker-removal-form"' in page
    no_reason = client.post(f"/supervision/inspection/{case.pk}/workers/removal/", {"worker": worker.pk, "reason": ""})
    assert no_reason.status_code == 200 and case.workers.filter(pk=worker.pk).exists()
    done = client.post(f"/supervision/inspection/{case.pk}/workers/removal/",
                       {"worker": worker.pk, "reason": "登记错人"}, follow=True)
    text = done.content.decode()
    assert "已删除劳动者王五的登记" in text and "删除劳动者王五（拖欠1,000.00元）的登记，原因：登记错人" in text
    case.refresh_from_db()
    assert not case.workers.filter(pk=worker.pk).exists() and str(case.amount_owed) == "5200.00"
    entry = AuditEntry.objects.get(action="supervision.inspection.worker_removed")
    assert entry.actor == inspector


def test_a_worker_paid_something_or_a_concluded_case_keeps_its_rows(heyuan, inspector):
    case = opened(inspector)
    paid = services.add_worker(actor=inspector, case=case, name="李秀兰", amount_owed="8600", today=TODAY)
    services.record_recovery(actor=inspector, worker=paid, amount_recovered="8600", today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.remove_worker(actor=inspector, worker=paid, reason="重复登记", today=TODAY)
    assert "已为李秀兰登记追回工资8,600.00元，不能删除" in " ".join(refused.value.messages)
    other = services.add_worker(actor=inspector, case=case, name="王美玲", amount_owed="3000", today=TODAY)
    page = logged_in(inspector).get(f"/supervision/inspection/{case.pk}/").content.decode()
    assert page.count('data-testid="inspection-worker-removal-form"') == 1  # 王美玲's only
    services.conclude_case(actor=inspector, case=case, result="已责令支付", today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.remove_worker(actor=inspector, worker=other, reason="重复登记", today=TODAY)
    assert "不能删除劳动者" in " ".join(refused.value.messages)
    case.refresh_from_db()
    assert case.workers.count() == 2 and str(case.amount_owed) == "11600.00"


def test_the_api_removes_a_worker_and_a_neighbour_gets_404(heyuan, inspector, neighbour_inspector):
    case = opened(inspector)
    services.add_worker(actor=inspector, case=case, name="张大伟", amount_owed="5200", today=TODAY)
    twice = services.add_worker(actor=inspector, case=case, name="张小伟", amount_owed="5200", today=TODAY)
    path = f"/supervision/inspection-cases/{case.pk}/workers/{twice.pk}/removal"
    assert call(neighbour_inspector, "post", path, {"reason": "越权"}).status_code == 404
    empty = call(inspector, "post", path, {"reason": " "})
    assert empty.status_code in (400, 422) and "删除原因" in str(empty.json())
    response = call(inspector, "post", path, {"reason": "重复登记"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert [worker["name"] for worker in body["workers"]] == ["张大伟"]
    assert call(inspector, "post", path, {"reason": "重复登记"}).status_code == 404


def test_the_ledger_xlsx_has_dates_and_a_pending_due_with_its_estimate(heyuan, inspector):
    waiting = opened(inspector, on=D(2026, 12, 1), employer_name="河源市待定五金厂")  # 60 working days reach 2027
    response = logged_in(inspector).get("/supervision/inspection/export.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if row and row[0] == "案件编号")
    line = next(row for row in rows if row and row[0] == waiting.number)
    cell = dict(zip(header, line, strict=False))
    assert cell["收到日期"].date() == D(2026, 12, 1) and cell["立案日期"].date() == D(2026, 12, 1)
    assert cell["受理期限"].date() == waiting.accept_due and cell["结案日期"] is None
    assert cell["结案期限"] == "截止日期待定（约2027-02-23）"


def test_the_conclude_form_says_the_result_goes_on_the_complainants_notice(heyuan, inspector):
    case = opened(inspector)
    page = logged_in(inspector).get(f"/supervision/inspection/{case.pk}/").content.decode()
    help_text = page.split('data-testid="conclude-result-help"')[1].split("</p>")[0]
    assert "结案告知书" in help_text and "不要写其他劳动者的姓名和金额" in help_text


def test_the_approvers_list_shows_the_reason_and_the_employer_in_full(heyuan, inspector, approver):
    case = opened(inspector, employer_name="河源市新华电子厂")
    services.request_extension(actor=inspector, case=case, reason="需调取银行流水核对工资发放", today=TODAY)
    listed = logged_in(approver).get("/supervision/inspection/extensions/").content.decode()
    row = listed.split('data-testid="inspection-extension-row"')[1]
    assert case.number in row and "河源市新华电子厂" in row and "需调取银行流水核对工资发放" in row
