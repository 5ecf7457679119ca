"""The application's review chain: village intake with the category's documents, township, county, guarantee
agency, bank; who may act at each step; the bank's approval grants the loan with its schedule."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.jobservices.loans import services
from hrss.jobservices.models import Loan
from tests.conftest import TODAY

DOCS = ["id_card", "unemployment_certificate", "business_plan"]


def apply(actor, person, **overrides):
    data = {"category": "registered_unemployed", "borrower_kind": "individual", "amount": Decimal(100_000),
            "term_months": 24, "project": "社区便利店", "documents": DOCS, "micro_profit": True}
    data.update(overrides)
    return services.apply_for_loan(actor=actor, person=person, today=TODAY, **data)


def move(application, actor, action, reason="", **terms):
    application.case.refresh_from_db()
    return services.decide_loan_application(actor=actor, application=application, action=action,
                                            version=application.case.version, reason=reason, today=TODAY, **terms)


@pytest.fixture
def at_the_bank(applicant, village_assistant, township_reviewer, county_officer, guarantee_officer):
    application = apply(village_assistant, applicant)
    move(application, township_reviewer, "forward")
    move(application, county_officer, "forward")
    move(application, guarantee_officer, "forward")
    application.case.refresh_from_db()
    assert application.case.step == "bank_lending"
    return application


def test_the_application_goes_up_the_chain_and_the_bank_grants_the_loan(at_the_bank, bank_officer):
    start = TODAY
    move(at_the_bank, bank_officer, "approve", principal="80000", annual_rate="3.85", start_date=start,
         method="equal_instalments")
    at_the_bank.case.refresh_from_db()
    assert at_the_bank.case.status == "approved"
    loan = Loan.objects.get(application=at_the_bank)
    assert loan.name == "创业担保贷款"
    assert loan.principal == Decimal(80_000) and loan.term_months == 24
    instalments = list(loan.instalments.order_by("number"))
    assert len(instalments) == 24
    assert sum(i.principal for i in instalments) == Decimal(80_000)
    assert AuditEntry.objects.filter(action="jobservices.loan.granted", actor=bank_officer).exists()


def test_only_the_step_s_role_may_act(at_the_bank, applicant, county_officer, guarantee_officer, bank_officer,
                                      neighbour_bank_officer):
    # At the bank's step, the guarantee officer and the county officer are refused (and audited).
    for outsider in (guarantee_officer, county_officer, neighbour_bank_officer):
        with pytest.raises(PermissionDenied):
            move(at_the_bank, outsider, "approve", principal="80000", annual_rate="3.85", start_date=TODAY,
                 method="equal_instalments")
    assert not Loan.objects.exists()
    # The bank cannot take an application in: that is the village's.
    with pytest.raises(PermissionDenied):
        apply(bank_officer, applicant)


def test_a_bank_approval_needs_the_terms(at_the_bank, bank_officer):
    with pytest.raises(ValidationError) as refused:
        move(at_the_bank, bank_officer, "approve", principal="120000", annual_rate="0", start_date=None,
             method="")
    text = " ".join(refused.value.messages)
    assert "超过申请金额" in text and "年利率" in text and "放款日期" in text and "还款方式" in text
    assert not Loan.objects.exists()


def test_the_township_reviewer_acts_not_the_township_officer(applicant, village_assistant, township_officer,
                                                             township_reviewer):
    application = apply(village_assistant, applicant)
    with pytest.raises(PermissionDenied):
        move(application, township_officer, "forward")
    move(application, township_reviewer, "return", reason="请补充营业执照")
    application.case.refresh_from_db()
    assert application.case.status == "returned"
    move(application, village_assistant, "resubmit")
    application.case.refresh_from_db()
    assert application.case.step == "township_review"


def test_the_intake_needs_the_category_s_documents(applicant, village_assistant):
    with pytest.raises(ValidationError) as refused:
        apply(village_assistant, applicant, documents=["id_card", "business_plan"])
    assert "缺少材料：就业失业登记证（就业创业证）。" in refused.value.messages


def test_one_application_under_review_at_a_time(applicant, village_assistant):
    apply(village_assistant, applicant)
    with pytest.raises(ValidationError, match="已有一份审核中"):
        apply(village_assistant, applicant)


def test_a_neighbouring_village_s_assistant_cannot_take_it_in(applicant, neighbour_village_assistant):
    with pytest.raises(PermissionDenied):
        apply(neighbour_village_assistant, applicant)
    assert AuditEntry.objects.filter(actor=neighbour_village_assistant, outcome=AuditEntry.Outcome.DENIED).exists()


def test_a_returned_application_is_corrected_and_resubmitted(client, applicant, village_assistant,
                                                             township_reviewer, neighbour_village_assistant):
    application = apply(village_assistant, applicant, documents=DOCS)
    move(application, township_reviewer, "return", reason="金额请按项目预算调低，并补充营业执照")
    application.case.refresh_from_db()
    client.force_login(village_assistant)
    page = client.get(f"/jobservices/loans/applications/{application.pk}/").content.decode()
    assert "补正申请" in page
    with pytest.raises(PermissionDenied):
        services.correct_loan_application(
            actor=neighbour_village_assistant, application=application, version=application.case.version,
            category="registered_unemployed", borrower_kind="individual", amount=Decimal(60_000), term_months=24,
            project="社区便利店", documents=DOCS)
    response = client.post(f"/jobservices/loans/applications/{application.pk}/correct/", {
        "version": application.case.version, "category": "registered_unemployed", "borrower_kind": "individual",
        "partners": "1", "project": "社区便利店", "amount": "60000", "term_months": "24",
        "documents": [*DOCS, "business_licence"]})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.amount == Decimal(60_000) and "business_licence" in application.documents
    assert AuditEntry.objects.filter(action="jobservices.loan_application.corrected").exists()
    move(application, village_assistant, "resubmit")
    application.case.refresh_from_db()
    assert application.case.step == "township_review" and application.case.status == "open"
