"""The benefits part's API operations, each with its whole path under /api/v1/pensions/ (hrss/api/urls.py mounts the
router): a pension applied for, read and moved on its review, a county's monthly roll read, a death reported.
Objects are reached through core.scoping (out of scope is 404); the services check permission and role."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from hrss.core import review, scoping
from hrss.core.api_fields import Id, Month, ObjectId, RegionCode, Text
from hrss.core.models import Level
from hrss.core.permissions import check_permission
from hrss.pensions.benefits import selectors, services
from hrss.pensions.models import Pension
from hrss.pensions.permissions import PENSIONS_VIEW
from hrss.residents.models import Person

router = Router(tags=["社会保险服务"])


class PensionCaseOut(Schema):
    status: str
    step: str
    due_date: datetime.date | None
    version: int


class PensionOut(Schema):
    id: int
    person_id: int
    region_code: str
    state: str
    applied_on: datetime.date | None
    first_month: datetime.date
    account_balance: Decimal
    basic: Decimal
    account_part: Decimal
    total: Decimal
    calculation: dict
    approved_on: datetime.date | None
    suspended_from: datetime.date | None
    stopped_on: datetime.date | None
    died_on: datetime.date | None
    overpaid: Decimal
    funeral_grant: Decimal
    inheritable: Decimal
    case: PensionCaseOut | None


class PensionIn(Schema):
    person_id: Id


class DecideIn(Schema):
    action: Text(16)
    version: Id
    reason: Text(500, lines=True) = ""


class RollLineOut(Schema):
    pension_id: int
    region_code: str
    name: str
    id_number: str  # masked
    month: str
    kind: str
    amount: Decimal


class RollOut(Schema):
    county: str
    month: str
    made_on: datetime.date | None
    people: int
    regular: Decimal
    back_pay: Decimal
    total: Decimal
    lines: list[RollLineOut]


class DeathIn(Schema):
    person_id: Id
    died_on: datetime.date


class DeathOut(Schema):
    id: int
    person_id: int
    region_code: str
    died_on: datetime.date
    reported_on: datetime.date
    pension_id: int | None


def _pension(request, pension_id):
    return scoping.get_visible_or_404(Pension.objects.select_related("case", "person"), request.user, pk=pension_id)


@router.post("/pensions/pensions", response={201: PensionOut},
             summary="受理养老金待遇申领（村受理，报乡镇审核、县审批；不能早于年满60周岁次月）")
def apply(request, body: PensionIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    pension = services.apply(actor=request.user, person=person, today=timezone.localdate())
    return Status(201, pension)


@router.get("/pensions/pensions/{pension_id}", response=PensionOut, summary="查询一份养老金待遇（含计算过程）")
def get_pension(request, pension_id: ObjectId):
    check_permission(request.user, PENSIONS_VIEW)
    return _pension(request, pension_id)


@router.post("/pensions/pensions/{pension_id}/decide", response=PensionOut,
             summary="办理一个审核环节：forward（乡镇审核通过）、approve（县审批核定）、return、reject、resubmit、withdraw")
def decide(request, pension_id: ObjectId, body: DecideIn):
    pension = _pension(request, pension_id)
    if pension.case is None:
        raise ValidationError("该养老金没有审核案件。")
    try:
        return services.decide_pension(actor=request.user, pension=pension, action=body.action,
                                       version=body.version, reason=body.reason, today=timezone.localdate())
    except review.CaseChanged as error:
        raise HttpError(409, str(error)) from None
    except review.MoveRefused as error:
        raise ValidationError(str(error)) from None


@router.get("/pensions/rolls/{county}/{month}", response=RollOut,
            summary="一个县(区)一个月的养老金发放名册（county 为6位县级代码，或12位区划代码查看其中一个乡镇、村的部分；"
                    "month 为 YYYY-MM；身份号码已遮蔽）")
def get_roll(request, county: RegionCode, month: Month):
    check_permission(request.user, PENSIONS_VIEW)
    code = scoping.code_of_prefix(county) if len(county) == 6 else county
    region = scoping.get_region_or_404(request.user, code)
    first = selectors.parse_month(month, timezone.localdate())
    if first is None:
        raise ValidationError(selectors.MONTH_PROBLEM.format(example=f"{timezone.localdate():%Y-%m}"))
    lines = selectors.roll_lines(request.user, region, first)
    sums = selectors.roll_sums(lines)
    made = selectors.roll_of(scoping.county_code_of(region.code), first) if region.level >= Level.COUNTY else None
    return {"county": scoping.county_code_of(region.code), "month": f"{first:%Y-%m}",
            "made_on": made.made_on if made else None, **sums,
            "lines": [{"pension_id": line.pension_id, "region_code": line.region_code,
                       "name": line.pension.person.name, "id_number": line.pension.person.masked_id_number,
                       "month": f"{line.month:%Y-%m}", "kind": line.kind, "amount": line.amount} for line in lines]}


@router.post("/pensions/deaths", response={201: DeathOut},
             summary="死亡报告（村报告）：终止养老金、计算多发待追回、丧葬补助金和个人账户可继承余额，终止参保")
def report_death(request, body: DeathIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    report = services.report_death(actor=request.user, person=person, died_on=body.died_on,
                                   today=timezone.localdate())
    stopped = Pension.objects.filter(person=person, died_on=body.died_on, state="stopped").first()
    return Status(201, {"id": report.pk, "person_id": person.pk, "region_code": report.region_code,
                        "died_on": report.died_on, "reported_on": report.reported_on,
                        "pension_id": stopped.pk if stopped else None})
