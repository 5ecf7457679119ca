"""Repayments pay the earliest instalments first; an instalment unpaid after its due date is overdue by so many days
and its period's subsidy is lost, one paid on time keeps it; who may record a repayment."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.jobservices.loans import selectors, services
from hrss.jobservices.models import Loan, Repayment
from tests.conftest import TODAY
from tests.jobservices.loans.test_chain import apply, move

D = datetime.date
START = D(2026, 1, 31)


@pytest.fixture
def loan(applicant, village_assistant, township_reviewer, county_officer, guarantee_officer, bank_officer):
    application = services.apply_for_loan(
        actor=village_assistant, person=applicant, category="registered_unemployed", borrower_kind="individual",
        amount=Decimal(120_000), term_months=12, project="早餐店",
        documents=["id_card", "unemployment_certificate", "business_plan"], today=D(2026, 1, 5))
    for actor in (township_reviewer, county_officer, guarantee_officer):
        application.case.refresh_from_db()
        services.decide_loan_application(actor=actor, application=application, action="forward",
                                         version=application.case.version, today=D(2026, 1, 10))
    application.case.refresh_from_db()
    services.decide_loan_application(actor=bank_officer, application=application, action="approve",
                                     version=application.case.version, principal=Decimal(120_000),
                                     annual_rate=Decimal("3.45"), start_date=START, method="interest_monthly",
                                     today=D(2026, 2, 1))
    return Loan.objects.get(application=application)


def test_the_loan_is_scheduled_from_31_january(loan):
    dues = list(loan.instalments.order_by("number").values_list("due_date", flat=True))
    assert dues[:3] == [D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)]
    # 3.45% of which 1.95 points are the budget's (LPR 3.00 - 1.5 borne by the borrower).
    assert loan.subsidised_rate == Decimal("1.950")
    first = loan.instalments.get(number=1)
    assert (first.interest, first.subsidy) == (Decimal("345.00"), Decimal("195.00"))


def test_overdue_instalments_lose_their_subsidy(loan, bank_officer):
    interest = Decimal("345.00")
    services.record_repayment(actor=bank_officer, loan=loan, paid_on=D(2026, 2, 27), amount=interest,
                              today=D(2026, 6, 15))  # on time
    services.record_repayment(actor=bank_officer, loan=loan, paid_on=D(2026, 4, 5), amount=interest,
                              today=D(2026, 6, 15))  # March's, 5 days late
    summary = selectors.loan_summary(loan, D(2026, 6, 15))
    states = [(row.standing.state, row.standing.days_overdue, row.standing.subsidy) for row in summary.rows[:6]]
    assert states == [
        ("paid", 0, Decimal("195.00")),
        ("paid_late", 5, Decimal("0")),
        ("overdue", 46, Decimal("0")),  # due 30 April, unpaid on 15 June
        ("overdue", 15, Decimal("0")),  # due 31 May
        ("due", 0, None),  # due 30 June
        ("upcoming", 0, None),
    ]
    assert summary.overdue == 2 and summary.days_overdue == 46
    assert summary.subsidy_earned == Decimal("195.00")
    assert summary.subsidy_lost == Decimal("585.00")
    overdue = list(selectors.overdue_instalments(bank_officer, D(2026, 6, 15)).values_list("number", flat=True))
    assert overdue == [3, 4]


def test_one_repayment_pays_several_instalments_in_order(loan, bank_officer):
    services.record_repayment(actor=bank_officer, loan=loan, paid_on=D(2026, 2, 20), amount=Decimal("700"),
                              today=D(2026, 6, 15))
    first, second = loan.instalments.order_by("number")[:2]
    assert (first.paid_amount, first.paid_on) == (Decimal("345.00"), D(2026, 2, 20))
    assert (second.paid_amount, second.paid_on) == (Decimal("345.00"), D(2026, 2, 20))
    assert loan.instalments.get(number=3).paid_amount == Decimal("10.00")


def test_a_repayment_beyond_what_is_owed_is_refused(loan, bank_officer):
    with pytest.raises(ValidationError, match="超过尚未归还"):
        services.record_repayment(actor=bank_officer, loan=loan, paid_on=D(2026, 2, 20),
                                  amount=Decimal("200000"), today=D(2026, 6, 15))
    with pytest.raises(ValidationError, match="还款日期应在放款日期"):
        services.record_repayment(actor=bank_officer, loan=loan, paid_on=D(2026, 1, 1), amount=Decimal(1),
                                  today=D(2026, 6, 15))
    assert not Repayment.objects.exists()


def test_only_the_bank_or_the_county_records_repayments_in_scope(loan, village_assistant, guarantee_officer,
                                                                 neighbour_bank_officer, county_officer):
    for actor in (village_assistant, guarantee_officer, neighbour_bank_officer):
        with pytest.raises(PermissionDenied):
            services.record_repayment(actor=actor, loan=loan, paid_on=D(2026, 2, 20), amount=Decimal(1),
                                      today=D(2026, 6, 15))
    services.record_repayment(actor=county_officer, loan=loan, paid_on=D(2026, 2, 20), amount=Decimal(1),
                              today=D(2026, 6, 15))
    assert Repayment.objects.count() == 1


def test_a_granted_loan_keeps_its_2011_name_and_micro_profit_subsidy(applicant, village_assistant,
                                                                      township_reviewer, county_officer,
                                                                      guarantee_officer, bank_officer):
    application = apply(village_assistant, applicant, amount=Decimal(50_000))
    application.applied_on = D(2011, 6, 1)  # as if taken in in 2011 (the intake is always today)
    application.save(update_fields=["applied_on"])
    for actor in (township_reviewer, county_officer, guarantee_officer):
        move(application, actor, "forward")
    move(application, bank_officer, "approve", principal="50000", annual_rate="6.31", start_date=TODAY,
         method="equal_instalments")
    loan = Loan.objects.get(application=application)
    assert loan.name == "小额担保贷款"
    assert loan.subsidised_rate == Decimal("6.310")  # 微利项目: in full


def test_the_ledger_s_figures_agree_with_the_loan_s_page(loan, bank_officer, county_officer):
    services.record_repayment(actor=bank_officer, loan=loan, paid_on=D(2026, 2, 27), amount=Decimal("345"),
                              today=D(2026, 6, 15))
    services.record_repayment(actor=bank_officer, loan=loan, paid_on=D(2026, 4, 5), amount=Decimal("345"),
                              today=D(2026, 6, 15))
    summary = selectors.loan_summary(loan, D(2026, 6, 15))
    annotated = selectors.with_figures(Loan.objects.filter(pk=loan.pk), D(2026, 6, 15)).get()
    outstanding, days = selectors.figures(annotated, D(2026, 6, 15))
    assert (annotated.repaid, outstanding, annotated.subsidy_earned, annotated.overdue_count, days) == (
        summary.repaid, summary.outstanding, summary.subsidy_earned, summary.overdue, summary.days_overdue)
    header, rows = selectors.ledger_rows(county_officer, None, D(2026, 6, 15))
    assert dict(zip(header, rows[0], strict=True))["最长逾期天数"] == 46


def test_a_second_application_waits_until_the_loan_is_repaid(loan, village_assistant, bank_officer):
    with pytest.raises(ValidationError, match="尚有未还清的创业担保贷款，还清后方可再次申请"):
        apply(village_assistant, loan.person)
    owed = sum(i.total for i in loan.instalments.all())
    services.record_repayment(actor=bank_officer, loan=loan, paid_on=D(2026, 6, 15), amount=owed,
                              today=D(2026, 6, 15))
    assert apply(village_assistant, loan.person).case.step == "township_review"


def test_a_loan_repaid_in_one_payment(applicant, village_assistant, township_reviewer, county_officer,
                                     guarantee_officer, bank_officer):
    """On SQLite the instalment's check adds principal and interest as floats; every instalment paid in full must
    still pass it (50,000 at 3.45% over 24 months failed before the check allowed half a fen)."""
    application = apply(village_assistant, applicant, amount=Decimal(50_000))
    for actor in (township_reviewer, county_officer, guarantee_officer):
        move(application, actor, "forward")
    move(application, bank_officer, "approve", principal=Decimal(50_000), annual_rate=Decimal("3.45"),
         start_date=TODAY, method="equal_instalments")
    loan = Loan.objects.get(application=application)
    owed = sum(i.total for i in loan.instalments.all())
    services.record_repayment(actor=bank_officer, loan=loan, paid_on=TODAY, amount=owed)
    assert not loan.instalments.filter(paid_on__isnull=True).exists()
    assert selectors.loan_summary(loan, TODAY).outstanding == 0
