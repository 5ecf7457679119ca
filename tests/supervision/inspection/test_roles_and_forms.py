"""Who may post a case page's forms (security test F1), and how the page draws them (trial, journey 3): a village
assistant, who sees the case of her village read-only, gets 403 with the reason in Chinese for every step, and
nothing changes; the inspector asking to decide his own extension likewise. The approver's 审批 choice is two radio
buttons, not text boxes."""

import re

import pytest

from hrss.core.models import AuditEntry
from hrss.supervision.inspection import services
from hrss.supervision.models import InspectionCase, InspectionEvent, InspectionWorker
from tests.conftest import TODAY, VILLAGE
from tests.supervision.inspection.conftest import opened, receive
from tests.supervision.inspection.test_pages_and_api import logged_in

DAY = TODAY.isoformat()
STEPS = {
    "accept": {"on": DAY}, "decline": {"on": DAY, "reason": "不属于监察范围"}, "open": {"on": DAY},
    "workers": {"name": "李四", "amount_owed": "5000"}, "recovery": {"worker": "0", "amount_recovered": "1"},
    "measures": {"kind": "pay", "taken_on": DAY, "amount": "1"}, "extension": {"reason": "案情复杂"},
    "extension/decide": {"decision": "approve", "note": "同意"},
    "referral": {"kind": "mediation", "body": "上城街道调解委员会", "referred_on": DAY},
    "referral/outcome": {"outcome": "达成协议", "on": DAY}, "conclude": {"on": DAY, "result": "已结清"},
}


def snapshot(case):
    return (list(InspectionCase.objects.filter(pk=case.pk).values()), InspectionWorker.objects.count(),
            InspectionEvent.objects.count())


@pytest.mark.parametrize("step", list(STEPS))
def test_a_village_assistant_posting_a_step_gets_403_with_the_reason(heyuan, inspector, village_assistant, step):
    case = receive(inspector) if step in ("accept", "decline", "open") else opened(inspector)
    if step == "open":
        services.accept_case(actor=inspector, case=case, today=TODAY)
    before = snapshot(case)
    client = logged_in(village_assistant)
    assert client.get(f"/supervision/inspection/{case.pk}/").status_code == 200  # she may look at it
    response = client.post(f"/supervision/inspection/{case.pk}/{step}/", STEPS[step])
    page = response.content.decode()
    assert response.status_code == 403
    reason = "延期须经县(区)人力资源社会保障部门负责人批准" if step == "extension/decide" else \
        "只有县(区)劳动保障监察员可以办理劳动保障监察案件。"
    assert reason in page and "未能保存" not in page
    assert snapshot(case) == before
    assert AuditEntry.objects.filter(actor=village_assistant, outcome=AuditEntry.Outcome.DENIED).exists()


def test_an_empty_post_is_403_too_a_neighbour_gets_404_and_the_complaint_page_says_why(
        heyuan, inspector, village_assistant, neighbour_village_assistant):
    case = receive(inspector)
    assert logged_in(village_assistant).post(f"/supervision/inspection/{case.pk}/accept/", {}).status_code == 403
    assert logged_in(neighbour_village_assistant).post(f"/supervision/inspection/{case.pk}/accept/",
                                                       {"on": DAY}).status_code == 404
    # The complaint page shows her its form (with a note), so the refusal is shown on it.
    response = logged_in(village_assistant).post("/supervision/inspection/new/", {
        "source": "complaint", "received_on": DAY, "region": VILLAGE, "employer_name": "某厂", "summary": "欠薪"})
    form = response.content.decode().split('data-testid="inspection-new-form"')[1]
    assert response.status_code == 200 and "只有县(区)劳动保障监察员可以办理劳动保障监察案件。" in form
    assert InspectionCase.objects.count() == 1


def test_the_inspector_deciding_his_own_extension_gets_403(heyuan, inspector):
    case = opened(inspector)
    services.request_extension(actor=inspector, case=case, reason="案情复杂", today=TODAY)
    response = logged_in(inspector).post(f"/supervision/inspection/{case.pk}/extension/decide/",
                                         {"decision": "approve"})
    assert response.status_code == 403 and "延期须经县(区)人力资源社会保障部门负责人批准" in response.content.decode()
    case.refresh_from_db()
    assert case.extension_state == "requested"


def test_the_approvers_choice_is_two_radio_buttons_with_approve_checked(heyuan, inspector, approver):
    case = opened(inspector)
    services.request_extension(actor=inspector, case=case, reason="案情复杂", today=TODAY)
    page = logged_in(approver).get(f"/supervision/inspection/{case.pk}/").content.decode()
    form = page.split('data-testid="inspection-decision-form"')[1].split("</form>")[0]
    radios = re.findall(r"<input[^>]*type=\"radio\"[^>]*>", form)
    assert len(radios) == 2
    for radio in radios:
        assert 'class="form-check-input"' in radio and "form-control" not in radio
    [checked] = [radio for radio in radios if "checked" in radio]
    assert 'value="approve"' in checked
    assert "批准延期30个工作日" in form and "不批准" in form


def test_the_recovery_form_has_a_row_of_its_own_under_the_worker(heyuan, inspector):
    case = opened(inspector)
    services.add_worker(actor=inspector, case=case, name="李四", amount_owed="5000", today=TODAY)
    table = logged_in(inspector).get(f"/supervision/inspection/{case.pk}/").content.decode().split(
        'data-testid="inspection-workers"')[1].split("</table>")[0]
    head = table.split("<thead>")[1].split("</thead>")[0]
    assert head.count("<th") == 4 and "登记追回" not in head  # no fifth column pushed off a phone's screen
    rows = table.split("<tbody>")[1].split("</tbody>")[0].split("<tr")
    assert "李四" in rows[1] and "inspection-recovery-form" not in rows[1]
    assert 'colspan="4"' in rows[2] and "inspection-recovery-form" in rows[2] and "保存" in rows[2]
