"""The legal deadlines of a case at their boundaries, across the holidays of 2026 (hrss/core/data/
holidays-cn-2004-2026.csv): accepted within 5 working days of receipt, concluded within 60 working days of 立案,
extended once by 30 working days; each stored when its period starts (a year whose holiday arrangement is not
loaded: test_pending_deadlines.py)."""

import datetime

from hrss.supervision.inspection import selectors, services
from hrss.supervision.models import InspectionState
from tests.supervision.inspection.conftest import opened, receive

D = datetime.date


def test_acceptance_is_due_on_the_fifth_working_day_after_a_receipt_just_before_national_day(heyuan, inspector):
    # Received Tue 29 Sep: 30 Sep (1), the holiday 1-7 Oct, 8 (2), 9 (3), Sat 10 Oct worked (4), Mon 12 Oct (5).
    case = receive(inspector, received_on=D(2026, 9, 29))
    assert case.accept_due == D(2026, 10, 12)
    assert selectors.accept_timing(case, D(2026, 10, 9)).label == "剩 2 个工作日"
    on_the_day = selectors.accept_timing(case, D(2026, 10, 12))
    assert on_the_day.label == "今天到期" and not on_the_day.late
    the_next = selectors.accept_timing(case, D(2026, 10, 13))
    assert the_next.late and the_next.label == "已逾期 1 个工作日"


def test_accepting_on_the_fifth_working_day_is_on_time_and_the_next_is_late(heyuan, inspector, county_officer):
    on_time = receive(inspector, received_on=D(2026, 9, 29))
    services.accept_case(actor=inspector, case=on_time, on=D(2026, 10, 12), today=D(2026, 10, 12))
    shown = selectors.accept_timing(on_time, D(2026, 10, 20))
    assert not shown.late and shown.label == "已于2026-10-12办理，按期"

    late = receive(inspector, received_on=D(2026, 9, 29))
    assert selectors.overdue_cases(inspector, None, D(2026, 10, 12)).filter(pk=late.pk).count() == 0
    assert selectors.overdue_cases(inspector, None, D(2026, 10, 13)).filter(pk=late.pk).count() == 1
    services.accept_case(actor=inspector, case=late, on=D(2026, 10, 13), today=D(2026, 10, 13))
    shown = selectors.accept_timing(late, D(2026, 10, 20))
    assert shown.late and shown.label == "已于2026-10-13办理，逾期 1 个工作日"
    assert late.events.filter(action="accepted").get().text == "受理（超过受理期限 2026-10-12）"


def test_conclusion_is_due_on_the_sixtieth_working_day_across_spring_festival(heyuan, inspector):
    # Opened Tue 10 Feb 2026: Spring Festival (15-23 Feb, with 14 and 28 Feb worked), 清明 and 劳动节 fall inside.
    case = opened(inspector, on=D(2026, 2, 10))
    assert case.state == InspectionState.OPEN
    assert case.first_conclude_due == case.conclude_due == D(2026, 5, 14)
    assert selectors.conclude_timing(case, D(2026, 5, 14)).label == "今天到期"
    late = selectors.conclude_timing(case, D(2026, 5, 15))
    assert late.late and late.label == "已逾期 1 个工作日"
    done = services.conclude_case(actor=inspector, case=case, on=D(2026, 5, 14), today=D(2026, 5, 14),
                                  result="已责令支付，工资已结清。")
    assert not selectors.conclude_timing(done, D(2026, 6, 1)).late


def test_conclusion_across_national_day_and_its_extension(heyuan, inspector, approver):
    case = opened(inspector, on=D(2026, 8, 20))
    assert case.conclude_due == D(2026, 11, 18)
    services.request_extension(actor=inspector, case=case, reason="涉及人数多，需调取银行流水", today=D(2026, 11, 10))
    case = services.decide_extension(actor=approver, case=case, approve=True, today=D(2026, 11, 11))
    # 30 working days after 18 Nov: 30 Dec.
    assert case.conclude_due == D(2026, 12, 30) and case.first_conclude_due == D(2026, 11, 18)
    assert selectors.conclude_timing(case, D(2026, 12, 30)).label == "今天到期"
    assert selectors.conclude_timing(case, D(2026, 12, 31)).label == "已逾期 1 个工作日"


def test_the_extension_adds_thirty_working_days_to_the_due_date(heyuan, inspector, approver):
    case = opened(inspector, on=D(2026, 2, 10))
    services.request_extension(actor=inspector, case=case, reason="案情复杂", today=D(2026, 5, 6))
    case = services.decide_extension(actor=approver, case=case, approve=True, note="同意", today=D(2026, 5, 7))
    # From 14 May: 端午 (19 Jun) inside; the 30th working day is Fri 26 Jun.
    assert case.conclude_due == D(2026, 6, 26)
    late_but_on_time = services.conclude_case(actor=inspector, case=case, on=D(2026, 6, 26), today=D(2026, 6, 26),
                                              result="结清")
    assert late_but_on_time.concluded_on > late_but_on_time.first_conclude_due
    assert not selectors.conclude_timing(late_but_on_time, D(2026, 7, 1)).late


def test_due_soon_counts_three_working_days_across_the_holiday(heyuan, inspector):
    case = receive(inspector, received_on=D(2026, 9, 29))  # to be accepted by Mon 12 Oct
    # On 30 Sep the next three working days are 8, 9 and Sat 10 Oct: not yet due soon.
    assert not selectors.due_soon(inspector, D(2026, 9, 30)).filter(pk=case.pk).exists()
    # On 8 Oct they are 9, 10 and 12 Oct.
    assert selectors.due_soon(inspector, D(2026, 10, 8)).filter(pk=case.pk).exists()
    assert not selectors.overdue_cases(inspector, None, D(2026, 10, 12)).filter(pk=case.pk).exists()
