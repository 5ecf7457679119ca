"""A period reaching a year whose holiday arrangement is not loaded yet (2027 here): the case is received, accepted,
opened and extended all the same, its due date 截止日期待定（节假日安排未录入） on the page, in the ledger and the
API, never overdue nor due soon; loading the year's arrangement (core.workdays.load_arrangement) fills every
pending due date in one pass, the extension's too. The 2027 arrangement below is made up."""

import datetime

from hrss.core import workdays
from hrss.supervision.appraisal import selectors as appraisal
from hrss.supervision.inspection import selectors, services
from hrss.supervision.models import InspectionCase
from tests.supervision.inspection.conftest import opened, receive
from tests.supervision.inspection.test_pages_and_api import call, logged_in

D = datetime.date
PENDING = "截止日期待定（节假日安排未录入）"
MADE_UP_2027 = {D(2027, 1, 1): ("holiday", "元旦"), **{D(2027, 2, day): ("holiday", "春节") for day in range(8, 13)},
                D(2027, 2, 20): ("workday", "春节")}


def load_2027():
    return workdays.load_arrangement(days=MADE_UP_2027, years={2027}, actor=None, source="测试安排")


def test_a_complaint_received_in_late_december_is_taken_and_its_acceptance_due_waits(heyuan, inspector):
    case = receive(inspector, received_on=D(2026, 12, 28))  # 29, 30, 31 Dec, then 2027
    assert case.accept_due is None and case.state == "received"
    event = case.events.get(action="received")
    assert f"受理期限{PENDING}，待录入2027年节假日安排后自动计算" in event.text
    waiting = selectors.accept_timing(case, D(2027, 1, 20))
    # 1 Jan 2027 counted as a working day (Monday to Friday) until the year's holidays are loaded.
    assert waiting.pending and not waiting.late and waiting.estimate == D(2027, 1, 4)
    assert waiting.label == "约2027-01-04（暂按周一至周五计，节假日安排录入后核定）"
    assert not selectors.overdue_cases(inspector, None, D(2027, 1, 20)).filter(pk=case.pk).exists()
    assert not selectors.due_soon(inspector, D(2026, 12, 30)).filter(pk=case.pk).exists()

    load_2027()
    case.refresh_from_db()
    assert case.accept_due == D(2027, 1, 5)  # 29, 30, 31 Dec, (1 Jan 元旦), 4, 5 Jan
    assert selectors.overdue_cases(inspector, None, D(2027, 1, 6)).filter(pk=case.pk).exists()


def test_a_case_opened_on_1_december_and_extended_gets_both_due_dates_when_2027_is_loaded(heyuan, inspector,
                                                                                          approver):
    case = opened(inspector, on=D(2026, 12, 1))
    assert case.state == "open" and case.first_conclude_due is None and case.conclude_due is None
    assert f"结案期限{PENDING}，待录入2027年节假日安排后自动计算" in case.events.get(action="opened").text
    services.request_extension(actor=inspector, case=case, reason="涉及人数多", today=D(2026, 12, 2))
    case = services.decide_extension(actor=approver, case=case, approve=True, today=D(2026, 12, 3))
    assert case.extension_state == "approved" and case.conclude_due is None
    assert PENDING in case.events.get(action="extension_decided").text
    shown = selectors.conclude_timing(case, D(2027, 6, 1))
    # Monday to Friday: 22 working days left in December, 1 Jan 2027 and 37 more: 23 Feb; then 30 more: 6 Apr.
    assert shown.pending and not shown.late and shown.estimate == D(2027, 4, 6)
    assert shown.label == "约2027-04-06（暂按周一至周五计，节假日安排录入后核定）"
    assert not selectors.overdue_cases(inspector, None, D(2027, 6, 1)).filter(pk=case.pk).exists()

    load_2027()
    case.refresh_from_db()
    # 22 working days left in December; then 4-29 Jan (20), 1-5 Feb (5), 15-19 Feb (5), Sat 20 Feb worked (1),
    # 22-26 Feb (5), 1 and 2 Mar: the 60th working day is 2 Mar 2027.
    assert case.first_conclude_due == D(2027, 3, 2)
    # Then 30 more: 3-31 Mar (21), 1-2 Apr (2), 5-9 Apr (5), 12, 13 Apr.
    assert case.conclude_due == D(2027, 4, 13)
    assert selectors.conclude_timing(case, D(2027, 4, 13)).label == "今天到期"


def test_an_extension_reaching_2027_waits_while_the_first_due_date_stands(heyuan, inspector, approver):
    case = opened(inspector, on=D(2026, 9, 29))
    assert case.conclude_due == D(2026, 12, 28)
    services.request_extension(actor=inspector, case=case, reason="案情复杂", today=D(2026, 12, 1))
    case = services.decide_extension(actor=approver, case=case, approve=True, today=D(2026, 12, 2))
    assert case.extension_state == "approved" and case.first_conclude_due == D(2026, 12, 28)
    assert case.conclude_due is None
    assert not selectors.overdue_cases(inspector, None, D(2026, 12, 29)).filter(pk=case.pk).exists()
    load_2027()
    case.refresh_from_db()
    # 29, 30, 31 Dec (3), 4 Jan - 5 Feb (25), 15, 16 Feb: the 30th working day.
    assert case.conclude_due == D(2027, 2, 16) and case.first_conclude_due == D(2026, 12, 28)


def test_a_case_concluded_while_its_due_was_pending_is_on_time(heyuan, inspector):
    case = opened(inspector, on=D(2026, 12, 1))
    case = services.conclude_case(actor=inspector, case=case, on=D(2026, 12, 20), today=D(2026, 12, 20),
                                  result="已责令支付，工资已结清。")
    assert "超过结案期限" not in case.events.get(action="concluded").text
    assert not selectors.conclude_timing(case, D(2027, 1, 1)).late
    [item] = [item for item in appraisal.work_items(D(2026, 12, 1), appraisal.Whom(staff=frozenset({inspector.pk})))
              if item.source == "inspection"]
    assert item.on_time is True and item.due_date is None


def test_the_page_the_ledger_the_api_and_the_pending_work_say_pending(heyuan, inspector):
    case = opened(inspector, on=D(2026, 12, 1))
    page = logged_in(inspector).get(f"/supervision/inspection/{case.pk}/").content.decode()
    assert PENDING in page and "已逾期" not in page
    ledger = logged_in(inspector).get("/supervision/inspection/").content.decode()
    assert case.number in ledger and PENDING in ledger
    found = call(inspector, "get", f"/supervision/inspection-cases/{case.pk}").json()
    assert found["conclude_due"] is None and found["conclude_due_text"] == PENDING and found["overdue"] is False
    assert found["accept_due_text"] == case.accept_due.isoformat()
    assert InspectionCase.objects.filter(pk=case.pk, conclude_due__isnull=True).exists()


def test_the_page_prints_pending_once_with_the_estimate_beside_it(heyuan, inspector):
    received = receive(inspector, received_on=D(2026, 12, 28), employer_name="河源市某五金厂")
    case = opened(inspector, on=D(2026, 12, 1))
    page = logged_in(inspector).get(f"/supervision/inspection/{case.pk}/").content.decode()
    deadline = page.split('data-testid="conclude-deadline"')[1].split('data-testid="inspection-facts"')[0]
    assert deadline.count("截止日期待定") == 1 and PENDING in deadline
    estimate = "约2027-02-23（暂按周一至周五计，节假日安排录入后核定）"  # 22 working days in December, 38 in 2027
    assert estimate in deadline
    waiting = logged_in(inspector).get(f"/supervision/inspection/{received.pk}/").content.decode()
    accept = waiting.split('data-testid="accept-deadline"')[1].split('data-testid="conclude-deadline"')[0]
    assert accept.count("截止日期待定") == 1 and "约2027-01-04（暂按周一至周五计" in accept
    ledger = logged_in(inspector).get("/supervision/inspection/").content.decode()
    assert ledger.count("截止日期待定") == 2 and estimate in ledger and "约2027-01-04" in ledger
    # Stored: still pending (null), filled when the year is loaded, and then the estimate is gone.
    assert InspectionCase.objects.filter(pk=case.pk, conclude_due__isnull=True).exists()
    load_2027()
    page = logged_in(inspector).get(f"/supervision/inspection/{case.pk}/").content.decode()
    deadline = page.split('data-testid="conclude-deadline"')[1].split('data-testid="inspection-facts"')[0]
    assert "截止日期待定" not in deadline and "2027-03-02" in deadline and "约2027" not in page


def test_the_approver_sees_the_estimate_of_a_pending_due_in_the_list_and_after_deciding(heyuan, inspector, approver):
    case = opened(inspector, on=D(2026, 12, 1))
    services.request_extension(actor=inspector, case=case, reason="涉及人数多", today=D(2026, 12, 2))
    listed = logged_in(approver).get("/supervision/inspection/extensions/").content.decode()
    assert PENDING in listed and "约2027-02-23（暂按周一至周五计" in listed
    client = logged_in(approver)
    client.post(f"/supervision/inspection/{case.pk}/extension/decide/", {"decision": "approve"})
    told = " ".join(str(message) for message in client.get(f"/supervision/inspection/{case.pk}/").context["messages"])
    assert "已批准延期，结案期限截止日期待定（节假日安排未录入），约2027-04-06（暂按周一至周五计" in told
