"""The flexible part's API operations, each with its whole path under /api/v1/: the 灵活就业 registrations (list,
register, read, verify, end) and the 灵活就业社保补贴 (apply, move, record a period). Objects are reached through
core.scoping (out of scope is 404); the services check permission and role; bad input is 422 with a Chinese
detail."""

import datetime
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.assistance.flexible import rules, selectors, services
from hrss.assistance.models import FlexibleRegistration, FlexibleSubsidy
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.core import review, scoping
from hrss.core.api_fields import Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.residents.models import FlexibleForm, Person

router = Router(tags=["就业援助"])

Money = Annotated[str, Field(min_length=1, max_length=11, pattern=r"^[0-9]{1,8}(\.[0-9]{1,2})?$")]


class FlexibleOut(Schema):
    id: int
    person_id: int
    region_code: str
    form: str
    work: str
    place: str
    started_on: datetime.date
    income_band: str
    pays_insurance: bool
    registered_on: datetime.date
    is_late: bool
    verified_on: datetime.date | None
    verification_note: str
    ended_on: datetime.date | None
    end_reason: str
    employment_registration_id: int | None


class FlexibleFilters(Schema):
    region: Text(12) = ""
    state: Text(12) = ""
    form: Text(20) = ""
    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=100, ge=1, le=500)


class FlexibleIn(Schema):
    person_id: Id
    form: Text(20)
    work: Text(100)
    place: Text(100)
    started_on: datetime.date
    income_band: Text(16)
    pays_insurance: bool = False
    phone: Text(20) = ""
    note: Text(200) = ""


class FlexibleVerifyIn(Schema):
    verified_on: datetime.date
    note: Text(200)


class FlexibleEndIn(Schema):
    ended_on: datetime.date
    reason: Text(12)
    note: Text(200) = ""


class FlexibleSubsidyCaseOut(Schema):
    status: str
    step: str
    due_date: datetime.date | None
    version: int


class FlexibleSubsidyOut(Schema):
    id: int
    person_id: int
    registration_id: int
    recognition_id: int
    region_code: str
    applied_on: datetime.date
    subsidy_from: datetime.date
    limit_until: datetime.date
    approved_on: datetime.date | None
    stopped_on: datetime.date | None
    case: FlexibleSubsidyCaseOut


class FlexibleSubsidyIn(Schema):
    registration_id: Id
    note: Text(200) = ""


class FlexibleMoveIn(Schema):
    action: Text(16)
    version: Id
    reason: Text(500, lines=True) = ""


class FlexiblePeriodIn(Schema):
    year: int = Field(ge=2000, le=2100)
    quarter: int = Field(ge=1, le=4)
    months: int = Field(ge=1, le=3)
    paid_amount: Money
    proof: Text(100) = ""


class FlexiblePeriodOut(Schema):
    id: int
    subsidy_id: int
    year: int
    quarter: int
    label: str
    months: int
    paid_amount: Decimal
    subsidy_amount: Decimal

    @staticmethod
    def resolve_label(period):
        return rules.quarter_label(period.year, period.quarter)


def _registration(request, registration_id):
    return scoping.get_visible_or_404(FlexibleRegistration.objects.select_related("person"), request.user,
                                      pk=registration_id)


def _subsidy(request, subsidy_id):
    return scoping.get_visible_or_404(
        FlexibleSubsidy.objects.select_related("person", "case", "registration", "recognition"), request.user,
        pk=subsidy_id)


@router.get("/assistance/flexible", response=list[FlexibleOut],
            summary="灵活就业台账（可按地区、状态 active/unverified/ended、灵活就业形式筛选）")
def list_flexible(request, filters: Query[FlexibleFilters]):
    check_permission(request.user, ASSISTANCE_VIEW)
    problems = []
    if filters.state and filters.state not in selectors.STATES:
        problems.append(f"未知的状态“{filters.state}”，可选：{'、'.join(selectors.STATES)}。")
    if filters.form and filters.form not in FlexibleForm.values:
        problems.append(f"未知的灵活就业形式“{filters.form}”，可选：{'、'.join(FlexibleForm.values)}。")
    if problems:
        raise ValidationError(problems)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    found = selectors.registrations(request.user, region, state=filters.state, form=filters.form)
    return list(found[filters.offset:filters.offset + filters.limit])


@router.post("/assistance/flexible", response={201: FlexibleOut},
             summary="灵活就业人员登记（同时记入就业登记，台账状态改为灵活就业）")
def register(request, body: FlexibleIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    registration = services.register_flexible(
        actor=request.user, person=person, form=body.form, work=body.work, place=body.place,
        started_on=body.started_on, income_band=body.income_band, pays_insurance=body.pays_insurance,
        phone=body.phone, note=body.note)
    return Status(201, registration)


@router.get("/assistance/flexible/{registration_id}", response=FlexibleOut, summary="查询一条灵活就业登记")
def get_flexible(request, registration_id: ObjectId):
    check_permission(request.user, ASSISTANCE_VIEW)
    return _registration(request, registration_id)


@router.post("/assistance/flexible/{registration_id}/verification", response=FlexibleOut,
             summary="村(社区)核实灵活就业登记")
def verify(request, registration_id: ObjectId, body: FlexibleVerifyIn):
    registration = _registration(request, registration_id)
    return services.verify_flexible(actor=request.user, registration=registration, verified_on=body.verified_on,
                                    note=body.note)


@router.post("/assistance/flexible/{registration_id}/end", response=FlexibleOut,
             summary="终止灵活就业登记（hired、stopped、moved_away、retired、other）")
def end(request, registration_id: ObjectId, body: FlexibleEndIn):
    registration = _registration(request, registration_id)
    return services.end_flexible(actor=request.user, registration=registration, ended_on=body.ended_on,
                                 reason=body.reason, note=body.note)


@router.post("/assistance/flexible-subsidies", response={201: FlexibleSubsidyOut},
             summary="受理灵活就业社保补贴申请（村受理，报乡镇审核）")
def apply(request, body: FlexibleSubsidyIn):
    registration = _registration(request, body.registration_id)
    return Status(201, services.apply_for_subsidy(actor=request.user, registration=registration, note=body.note))


@router.get("/assistance/flexible-subsidies/{subsidy_id}", response=FlexibleSubsidyOut, summary="查询一份灵活就业社保补贴")
def get_subsidy(request, subsidy_id: ObjectId):
    check_permission(request.user, ASSISTANCE_VIEW)
    return _subsidy(request, subsidy_id)


@router.post("/assistance/flexible-subsidies/{subsidy_id}/moves", response=FlexibleSubsidyOut,
             summary="办理一个环节：forward、return、reject、resubmit、withdraw、approve（县审批）")
def move(request, subsidy_id: ObjectId, body: FlexibleMoveIn):
    subsidy = _subsidy(request, subsidy_id)
    try:
        return services.decide_subsidy(actor=request.user, subsidy=subsidy, action=body.action,
                                       version=body.version, reason=body.reason)
    except review.CaseChanged as error:
        raise HttpError(409, str(error)) from None
    except review.MoveRefused as error:
        raise ValidationError(str(error)) from None


@router.post("/assistance/flexible-subsidies/{subsidy_id}/periods", response={201: FlexiblePeriodOut},
             summary="录入一个季度的缴费凭证与补贴（超过补贴期限或登记、认定终止后拒绝）")
def record_period(request, subsidy_id: ObjectId, body: FlexiblePeriodIn):
    subsidy = _subsidy(request, subsidy_id)
    period = services.record_period(actor=request.user, subsidy=subsidy, year=body.year, quarter=body.quarter,
                                    months=body.months, paid_amount=body.paid_amount, proof=body.proof)
    return Status(201, period)
