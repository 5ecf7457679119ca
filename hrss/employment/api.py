import datetime

from django.core.exceptions import ValidationError
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import review, scoping
from hrss.core.api_fields import Id, Month, ObjectId, RegionCode, Text
from hrss.core.permissions import check_permission
from hrss.employment import employment_registration, selectors, services
from hrss.employment.models import EmploymentCertificate, EmploymentRegistration, UnemploymentRegistration
from hrss.employment.permissions import EMPLOYMENT_VIEW
from hrss.residents.models import Person

router = Router(tags=["就业与失业登记"])


class CaseOut(Schema):
    status: str
    step: str
    due_date: datetime.date | None
    version: int


class UnemploymentRegistrationOut(Schema):
    id: int
    person_id: int
    region_code: str
    category: str
    status: str
    registered_on: datetime.date | None
    cancelled_on: datetime.date | None
    cancel_reason: str
    case: CaseOut


class UnemploymentApplicationIn(Schema):
    person_id: Id
    category: Text(24)
    wants_work: bool
    able_to_work: bool
    documents: list[Text(32)] = Field(max_length=20)
    last_employer: Text(100) = ""
    left_job_on: datetime.date | None = None
    phone: Text(20) = ""
    note: Text(200, lines=True) = ""


class DecisionIn(Schema):
    action: Text(16)
    version: Id
    reason: Text(500, lines=True) = ""


class CancelIn(Schema):
    reason: Text(32)
    effective_date: datetime.date | None = None
    note: Text(200, lines=True) = ""


class EmploymentIn(Schema):
    person_id: Id
    kind: Text(16)
    event_date: datetime.date
    employer_name: Text(100) = ""
    employer_code: Text(18) = ""
    flexible_form: Text(20) = ""
    note: Text(200, lines=True) = ""


class EmploymentOut(Schema):
    id: int
    person_id: int
    kind: str
    event_date: datetime.date
    registered_on: datetime.date
    is_late: bool
    # None for a worker who lives outside the caller's scope (a hire registered where the employer is): their
    # 失业登记 is their home's business.
    was_registered_unemployed: bool | None
    # For the registering officer: the person held a job when registered unemployed (a cancellation proposal).
    warning: str = ""

    @staticmethod
    def resolve_warning(registration, context):
        return getattr(registration, "warning", "")

    @staticmethod
    def resolve_was_registered_unemployed(registration, context):
        user = context["request"].user
        if scoping.scope_of(user).contains_code(registration.person.region_code):
            return registration.was_registered_unemployed
        return None


class CertificateOut(Schema):
    id: int
    number: str
    title: str
    person_id: int
    status: str
    issued_on: datetime.date


class FiguresOut(Schema):
    region_code: str
    month: str
    new_employment: int
    reemployed: int
    registered_unemployed: int
    urban_registered_unemployed: int  # the rate's numerator
    employed: int  # 城镇从业人员 at the month's end: the rate's denominator with the above
    unemployment_rate: float | None


def _registration(request, registration_id):
    return scoping.get_visible_or_404(UnemploymentRegistration.objects.select_related("case", "person"),
                                      request.user, pk=registration_id)


@router.post("/unemployment-registrations", response={201: UnemploymentRegistrationOut},
             summary="受理失业登记（村受理初审，报乡镇审核）")
def apply_for_unemployment_registration(request, body: UnemploymentApplicationIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    registration = services.apply_for_unemployment_registration(
        actor=request.user, person=person, category=body.category, wants_work=body.wants_work,
        able_to_work=body.able_to_work, documents=body.documents, last_employer=body.last_employer,
        left_job_on=body.left_job_on, phone=body.phone, note=body.note)
    return Status(201, registration)


@router.get("/unemployment-registrations/{registration_id}", response=UnemploymentRegistrationOut,
            summary="查询一份失业登记及其办理环节")
def get_unemployment_registration(request, registration_id: ObjectId):
    check_permission(request.user, EMPLOYMENT_VIEW)
    return _registration(request, registration_id)


@router.post("/unemployment-registrations/{registration_id}/decisions", response=UnemploymentRegistrationOut,
             summary="办理一个环节：forward、approve、return、resubmit、reject、withdraw")
def decide(request, registration_id: ObjectId, body: DecisionIn):
    registration = _registration(request, registration_id)
    try:
        return services.decide_unemployment_registration(actor=request.user, registration=registration,
                                                         action=body.action, version=body.version,
                                                         reason=body.reason)
    except review.CaseChanged as error:
        raise HttpError(409, str(error)) from None
    except review.MoveRefused as error:
        raise ValidationError(str(error)) from None


@router.post("/unemployment-registrations/{registration_id}/cancellation", response=UnemploymentRegistrationOut,
             summary="注销失业登记")
def cancel(request, registration_id: ObjectId, body: CancelIn):
    registration = _registration(request, registration_id)
    return services.cancel_unemployment_registration(actor=request.user, registration=registration,
                                                     reason=body.reason, effective_date=body.effective_date,
                                                     note=body.note)


@router.get("/queue", response=list[UnemploymentRegistrationOut], summary="待本人办理的失业登记（逾期、到期在前）")
def queue(request):
    check_permission(request.user, EMPLOYMENT_VIEW)
    cases = review.queue_for(request.user)[:200]
    return list(UnemploymentRegistration.objects.filter(case__in=cases).select_related("case"))


@router.post("/employment-registrations", response={201: EmploymentOut}, summary="就业登记（单位招用、个体经营、灵活就业、终止劳动关系）")
def register_employment(request, body: EmploymentIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    registration = employment_registration.register_employment(
        actor=request.user, person=person, kind=body.kind, event_date=body.event_date,
        employer_name=body.employer_name, employer_code=body.employer_code, flexible_form=body.flexible_form,
        note=body.note)
    return Status(201, registration)


@router.get("/employment-registrations/{registration_id}", response=EmploymentOut, summary="查询一条就业登记")
def get_employment_registration(request, registration_id: ObjectId):
    check_permission(request.user, EMPLOYMENT_VIEW)
    return scoping.get_visible_or_404(EmploymentRegistration, request.user, pk=registration_id)


@router.get("/certificates/{certificate_id}", response=CertificateOut, summary="查询一本就业失业登记证")
def get_certificate(request, certificate_id: ObjectId):
    check_permission(request.user, EMPLOYMENT_VIEW)
    return scoping.get_visible_or_404(EmploymentCertificate, request.user, pk=certificate_id)


@router.get("/monthly-figures/{region_code}/{month}", response=FiguresOut,
            summary="月度统计：城镇新增就业、失业人员再就业、期末登记失业人数、城镇登记失业率")
def monthly_figures(request, region_code: RegionCode, month: Month):
    check_permission(request.user, EMPLOYMENT_VIEW)
    region = scoping.get_region_or_404(request.user, region_code)
    try:
        year, number = selectors.parse_month(month)
    except ValueError:
        raise ValidationError("月份应写成 2026-11 的形式。") from None
    figures = selectors.monthly_figures(request.user, region, year, number)
    return {"region_code": region.code, "month": f"{year}-{number:02d}", "new_employment": figures.new_employment,
            "reemployed": figures.reemployed, "registered_unemployed": figures.registered_unemployed,
            "urban_registered_unemployed": figures.urban_registered_unemployed,
            "employed": figures.employed, "unemployment_rate": figures.unemployment_rate}
