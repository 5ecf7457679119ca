"""API of the loans part (mounted at /api/v1/ by hrss/api/urls.py): applications and their review, loans, their
schedules and repayments. Objects are reached through core.scoping (out of scope is 404); the services check
permission and role."""

import datetime
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import review, scoping
from hrss.core.api_fields import Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.jobservices.loans import rules, selectors, services
from hrss.jobservices.loans.chains import LOAN_APPLICATION
from hrss.jobservices.models import CreditCommunity, Loan, LoanApplication
from hrss.jobservices.permissions import LOAN_VIEW
from hrss.residents.models import Person

router = Router(tags=["就业服务"])

# Money and rates travel as decimal strings ("150000", "3.45"): exact, and bounded like the columns they fill.
Money = Annotated[str, Field(min_length=1, max_length=13, pattern=r"^[0-9]{1,10}(\.[0-9]{1,2})?$")]
Rate = Annotated[str, Field(min_length=1, max_length=6, pattern=r"^[0-9]{1,2}(\.[0-9]{1,3})?$")]


class LoanCaseOut(Schema):
    status: str
    step: str
    due_date: datetime.date | None
    version: int


class LoanApplicationOut(Schema):
    id: int
    person_id: int
    region_code: str
    loan_name: str
    applied_on: datetime.date
    category: str
    borrower_kind: str
    partners: int
    amount: Decimal
    term_months: int
    micro_profit: bool
    from_credit_community: bool
    loan_id: int | None
    case: LoanCaseOut

    @staticmethod
    def resolve_loan_name(application):
        return rules.loan_name(application.applied_on)

    @staticmethod
    def resolve_loan_id(application):
        return Loan.objects.filter(application=application).values_list("pk", flat=True).first()


class LoanFields(Schema):
    """What an application says of the loan: taken at application and again, corrected, after a return."""

    category: Text(24)
    borrower_kind: Text(16)
    amount: Money
    term_months: int = Field(ge=1, le=120)
    project: Text(200)
    documents: list[Text(32)] = Field(max_length=20)
    micro_profit: bool = False
    partners: int = Field(1, ge=1, le=50)
    business_name: Text(100) = ""
    guarantor: Text(100) = ""
    phone: Text(20) = ""


class LoanApplicationIn(LoanFields):
    person_id: Id
    note: Text(500, lines=True) = ""


class LoanCorrectionIn(LoanFields):
    """补正: the application's fields as corrected, with the case's version as loaded."""

    version: Id


class LoanDecisionIn(Schema):
    action: Text(16)
    version: Id
    reason: Text(500, lines=True) = ""
    # The bank's terms, when it approves.
    principal: Money | None = None
    annual_rate: Rate | None = None
    term_months: int | None = Field(None, ge=1, le=120)
    start_date: datetime.date | None = None
    method: Text(20) = ""
    contract_number: Text(50) = ""


class LoanDetailOut(Schema):
    id: int
    application_id: int
    person_id: int
    region_code: str
    name: str
    principal: Decimal
    annual_rate: Decimal
    subsidised_rate: Decimal
    term_months: int
    start_date: datetime.date
    method: str
    repaid: Decimal
    outstanding: Decimal
    subsidy_earned: Decimal
    overdue_instalments: int
    days_overdue: int


class LoanInstalmentOut(Schema):
    number: int
    due_date: datetime.date
    principal: Decimal
    interest: Decimal
    subsidy_planned: Decimal
    paid_amount: Decimal
    paid_on: datetime.date | None
    state: str  # paid, paid_late, overdue, due, upcoming
    days_overdue: int
    subsidy: Decimal | None  # earned for the period; null while not yet due


class LoanRepaymentIn(Schema):
    paid_on: datetime.date
    amount: Money
    note: Text(200) = ""


class LoanRepaymentOut(Schema):
    id: int
    loan_id: int
    paid_on: datetime.date
    amount: Decimal


class CreditCommunityIn(Schema):
    region_code: Text(12)
    marked_on: datetime.date | None = None  # today when left out
    note: Text(200) = ""


class CreditCommunityRevokeIn(Schema):
    revoked_on: datetime.date | None = None  # today when left out
    note: Text(200)


class CreditCommunityOut(Schema):
    id: int
    region_code: str
    marked_on: datetime.date
    note: str
    revoked_on: datetime.date | None
    revoke_note: str


def _application(request, application_id):
    return scoping.get_visible_or_404(LoanApplication.objects.select_related("case", "person"), request.user,
                                      pk=application_id)


def _loan(request, loan_id):
    return scoping.get_visible_or_404(Loan.objects.select_related("application", "person"), request.user, pk=loan_id)


def _loan_out(loan):
    summary = selectors.loan_summary(loan, timezone.localdate())
    return {"id": loan.pk, "application_id": loan.application_id, "person_id": loan.person_id,
            "region_code": loan.region_code, "name": loan.name, "principal": loan.principal,
            "annual_rate": loan.annual_rate, "subsidised_rate": loan.subsidised_rate, "term_months": loan.term_months,
            "start_date": loan.start_date, "method": loan.method, "repaid": summary.repaid,
            "outstanding": summary.outstanding, "subsidy_earned": summary.subsidy_earned,
            "overdue_instalments": summary.overdue, "days_overdue": summary.days_overdue}


@router.get("/loans/applications", response=list[LoanApplicationOut],
            summary="待本人办理的创业担保贷款申请（逾期、到期在前，至多200件）")
def list_applications(request):
    check_permission(request.user, LOAN_VIEW)
    cases = review.queue_for(request.user, case_type=LOAN_APPLICATION.case_type)[:200]
    return list(LoanApplication.objects.filter(case__in=cases).select_related("case"))


@router.post("/loans/applications", response={201: LoanApplicationOut},
             summary="受理创业担保贷款申请（村受理初审，报乡镇审核）")
def apply(request, body: LoanApplicationIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    application = services.apply_for_loan(
        actor=request.user, person=person, category=body.category, borrower_kind=body.borrower_kind,
        amount=body.amount, term_months=body.term_months, project=body.project, documents=body.documents,
        micro_profit=body.micro_profit, partners=body.partners, business_name=body.business_name,
        guarantor=body.guarantor, phone=body.phone, note=body.note)
    return Status(201, application)


@router.get("/loans/applications/{application_id}", response=LoanApplicationOut, summary="查询一份创业担保贷款申请及其办理环节")
def get_application(request, application_id: ObjectId):
    check_permission(request.user, LOAN_VIEW)
    return _application(request, application_id)


@router.post("/loans/applications/{application_id}/decisions", response=LoanApplicationOut,
             summary="办理一个环节：forward、return、reject、resubmit、withdraw；经办银行 approve 时填写放款条件")
def decide(request, application_id: ObjectId, body: LoanDecisionIn):
    application = _application(request, application_id)
    try:
        return services.decide_loan_application(
            actor=request.user, application=application, action=body.action, version=body.version,
            reason=body.reason, principal=body.principal, annual_rate=body.annual_rate,
            term_months=body.term_months, start_date=body.start_date, method=body.method,
            contract_number=body.contract_number)
    except review.CaseChanged as error:
        raise HttpError(409, str(error)) from None
    except review.MoveRefused as error:
        raise ValidationError(str(error)) from None


@router.post("/loans/applications/{application_id}/correction", response=LoanApplicationOut,
             summary="补正退回的申请（受理的村(社区)协理员更正申请内容，再 resubmit 报送）")
def correct(request, application_id: ObjectId, body: LoanCorrectionIn):
    application = _application(request, application_id)
    try:
        return services.correct_loan_application(
            actor=request.user, application=application, version=body.version, category=body.category,
            borrower_kind=body.borrower_kind, amount=body.amount, term_months=body.term_months,
            project=body.project, documents=body.documents, micro_profit=body.micro_profit, partners=body.partners,
            business_name=body.business_name, guarantor=body.guarantor, phone=body.phone)
    except review.CaseChanged as error:
        raise HttpError(409, str(error)) from None


@router.post("/loans/credit-communities", response={201: CreditCommunityOut},
             summary="评定信用社区（按村(社区)，自评定日期起）")
def mark_credit_community(request, body: CreditCommunityIn):
    scoping.get_region_or_404(request.user, body.region_code)
    community = services.mark_credit_community(actor=request.user, region_code=body.region_code,
                                               marked_on=body.marked_on or timezone.localdate(), note=body.note)
    return Status(201, community)


@router.post("/loans/credit-communities/{community_id}/revocation", response=CreditCommunityOut,
             summary="撤销信用社区标记（此前受理的申请保留其标记）")
def revoke_credit_community(request, community_id: ObjectId, body: CreditCommunityRevokeIn):
    community = scoping.get_visible_or_404(CreditCommunity, request.user, pk=community_id)
    return services.revoke_credit_community(actor=request.user, community=community,
                                            revoked_on=body.revoked_on or timezone.localdate(), note=body.note)


@router.get("/loans/{loan_id}", response=LoanDetailOut, summary="查询一笔创业担保贷款（已还、未还、贴息、逾期）")
def get_loan(request, loan_id: ObjectId):
    check_permission(request.user, LOAN_VIEW)
    return _loan_out(_loan(request, loan_id))


@router.get("/loans/{loan_id}/schedule", response=list[LoanInstalmentOut], summary="还款计划及每期的还款、逾期和贴息")
def get_schedule(request, loan_id: ObjectId):
    check_permission(request.user, LOAN_VIEW)
    summary = selectors.loan_summary(_loan(request, loan_id), timezone.localdate())
    return [{"number": row.instalment.number, "due_date": row.instalment.due_date,
             "principal": row.instalment.principal, "interest": row.instalment.interest,
             "subsidy_planned": row.instalment.subsidy, "paid_amount": row.instalment.paid_amount,
             "paid_on": row.instalment.paid_on, "state": row.standing.state,
             "days_overdue": row.standing.days_overdue, "subsidy": row.standing.subsidy} for row in summary.rows]


@router.post("/loans/{loan_id}/repayments", response={201: LoanRepaymentOut}, summary="录入一笔还款（先还最早的期次）")
def repay(request, loan_id: ObjectId, body: LoanRepaymentIn):
    loan = _loan(request, loan_id)
    repayment = services.record_repayment(actor=request.user, loan=loan, paid_on=body.paid_on, amount=body.amount,
                                          note=body.note)
    return Status(201, repayment)
