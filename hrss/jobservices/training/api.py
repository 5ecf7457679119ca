"""API of the training part (mounted at /api/v1/ by hrss/api/urls.py; each operation has its whole path): courses
and their enrolments, completion, wishes, subsidy claims and their decisions, and KPI 4."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import review, scoping
from hrss.core.api_fields import Id, ObjectId, RegionCode, Text
from hrss.core.permissions import check_permission
from hrss.jobservices.models import Course, Enrolment, SubsidyClaim, TrainingWish
from hrss.jobservices.permissions import JOBSERVICES_VIEW
from hrss.jobservices.training import kpi, selectors, services
from hrss.jobservices.training.chains import TRAINING_SUBSIDY
from hrss.residents.models import Person

router = Router(tags=["就业服务"])

MAX_ROWS = 500


class TrainingCourseIn(Schema):
    name: Text(100)
    provider_name: Text(100)
    provider_code: Text(18) = ""
    kind: Text(16)
    occupation_code: Text(10)
    region_code: Text(12)
    starts_on: datetime.date
    ends_on: datetime.date
    hours: int = Field(ge=1, le=2000)
    places: int = Field(ge=1, le=1000)
    free: bool = True
    fee: int = Field(default=0, ge=0, le=100000)


class TrainingCourseOut(Schema):
    id: int
    name: str
    provider_name: str
    provider_code: str
    kind: str
    occupation_code: str
    region_code: str
    starts_on: datetime.date
    ends_on: datetime.date
    hours: int
    places: int
    places_taken: int
    free: bool
    fee: int

    @staticmethod
    def resolve_places_taken(course):
        return services.places_taken(course)


class TrainingEnrolIn(Schema):
    person_id: Id


class TrainingEnrolmentOut(Schema):
    id: int
    course_id: int
    person_id: int
    region_code: str
    enrolled_on: datetime.date
    wish_id: int | None
    attended_hours: int
    status: str
    completed_on: datetime.date | None
    certificate_kind: str
    certificate_number: str


class TrainingCompletionIn(Schema):
    certificate_kind: Text(16) = ""
    certificate_number: Text(40) = ""
    completed_on: datetime.date | None = None


class TrainingAttendanceIn(Schema):
    attended_hours: int = Field(ge=0, le=2000)


class TrainingReasonIn(Schema):
    reason: Text(200) = ""


class TrainingWishIn(Schema):
    person_id: Id
    occupation_code: Text(10)
    kind: Text(16)
    note: Text(200) = ""


class TrainingWishOut(Schema):
    id: int
    person_id: int
    region_code: str
    occupation_code: str
    kind: str
    recorded_on: datetime.date
    status: str
    closed_on: datetime.date | None
    met_by_id: int | None


class TrainingCaseOut(Schema):
    status: str
    step: str
    due_date: datetime.date | None
    version: int


class TrainingClaimLineOut(Schema):
    enrolment_id: int
    amount: int


class TrainingClaimOut(Schema):
    id: int
    course_id: int
    region_code: str
    total: int
    prepared_on: datetime.date
    case: TrainingCaseOut
    lines: list[TrainingClaimLineOut]

    @staticmethod
    def resolve_lines(claim):
        return list(claim.lines.order_by("pk"))


class TrainingClaimIn(Schema):
    note: Text(200) = ""


class TrainingDecisionIn(Schema):
    action: Text(16)
    version: Id
    reason: Text(500, lines=True) = ""


class RuralTrainingFigureOut(Schema):
    region_code: str
    name: str
    denominator: int
    numerator: int
    rate: float | None


class RuralTrainingKpiOut(RuralTrainingFigureOut):
    as_of: datetime.date
    children: list[RuralTrainingFigureOut]


def _figure(figure):
    return {"region_code": figure.code, "name": figure.name, "denominator": figure.denominator,
            "numerator": figure.numerator, "rate": figure.rate}


def _course(request, course_id):
    return scoping.get_visible_or_404(Course, request.user, pk=course_id)


@router.get("/training/courses", response=list[TrainingCourseOut], summary="培训班（本人管辖范围内，按开班日期倒序，最多500个）")
def list_courses(request):
    check_permission(request.user, JOBSERVICES_VIEW)
    return list(scoping.visible_to(request.user, Course.objects.all()).order_by("-starts_on", "-pk")[:MAX_ROWS])


@router.post("/training/courses", response={201: TrainingCourseOut}, summary="登记培训班")
def create_course(request, body: TrainingCourseIn):
    scoping.get_region_or_404(request.user, body.region_code)
    course = services.create_course(
        actor=request.user, name=body.name, provider_name=body.provider_name, provider_code=body.provider_code,
        kind=body.kind, occupation_code=body.occupation_code, region_code=body.region_code,
        starts_on=body.starts_on, ends_on=body.ends_on, hours=body.hours, places=body.places, free=body.free,
        fee=body.fee)
    return Status(201, course)


@router.get("/training/courses/{course_id}", response=TrainingCourseOut, summary="查询一个培训班")
def get_course(request, course_id: ObjectId):
    check_permission(request.user, JOBSERVICES_VIEW)
    return _course(request, course_id)


@router.post("/training/courses/{course_id}/enrolments", response={201: TrainingEnrolmentOut}, summary="培训报名")
def enrol(request, course_id: ObjectId, body: TrainingEnrolIn):
    course = _course(request, course_id)
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    return Status(201, services.enrol(actor=request.user, course=course, person=person))


@router.post("/training/enrolments/{enrolment_id}/completion", response=TrainingEnrolmentOut,
             summary="培训结业（及取得的证书）")
def complete(request, enrolment_id: ObjectId, body: TrainingCompletionIn):
    enrolment = scoping.get_visible_or_404(Enrolment.objects.select_related("course", "person"), request.user,
                                           pk=enrolment_id)
    _course(request, enrolment.course_id)
    return services.complete(actor=request.user, enrolment=enrolment, certificate_kind=body.certificate_kind,
                             certificate_number=body.certificate_number, completed_on=body.completed_on)


def _enrolment(request, enrolment_id):
    enrolment = scoping.get_visible_or_404(Enrolment.objects.select_related("course", "person"), request.user,
                                           pk=enrolment_id)
    _course(request, enrolment.course_id)
    return enrolment


@router.post("/training/enrolments/{enrolment_id}/attendance", response=TrainingEnrolmentOut,
             summary="登记学员已参训课时（累计，按签到表）")
def record_attendance(request, enrolment_id: ObjectId, body: TrainingAttendanceIn):
    enrolment = _enrolment(request, enrolment_id)
    return services.record_attendance(actor=request.user, enrolment=enrolment, attended_hours=body.attended_hours)


@router.post("/training/enrolments/{enrolment_id}/drop", response=TrainingEnrolmentOut,
             summary="学员退学（名额空出，培训意愿仍待培训）")
def drop(request, enrolment_id: ObjectId, body: TrainingReasonIn):
    enrolment = _enrolment(request, enrolment_id)
    return services.drop(actor=request.user, enrolment=enrolment, reason=body.reason)


@router.get("/training/wishes", response=list[TrainingWishOut], summary="待培训的培训意愿（本人管辖范围内，最多500条）")
def list_wishes(request):
    check_permission(request.user, JOBSERVICES_VIEW)
    region = scoping.scope_of(request.user).region
    if region is None:
        return []
    return list(selectors.open_wishes(request.user, region).order_by("region_code", "pk")[:MAX_ROWS])


@router.post("/training/wishes", response={201: TrainingWishOut}, summary="登记培训意愿（职业分类大典代码和培训类型）")
def record_wish(request, body: TrainingWishIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    return Status(201, services.record_training_wish(actor=request.user, person=person,
                                                     occupation_code=body.occupation_code, kind=body.kind,
                                                     note=body.note))


@router.post("/training/wishes/{wish_id}/withdrawal", response=TrainingWishOut, summary="撤销培训意愿（本人放弃）")
def withdraw_wish(request, wish_id: ObjectId, body: TrainingReasonIn):
    wish = scoping.get_visible_or_404(TrainingWish.objects.select_related("person"), request.user, pk=wish_id)
    return services.withdraw_training_wish(actor=request.user, wish=wish, reason=body.reason)


@router.get("/training/claims", response=list[TrainingClaimOut], summary="待本人办理的培训补贴申领（逾期、到期在前）")
def claims_queue(request):
    check_permission(request.user, JOBSERVICES_VIEW)
    cases = review.queue_for(request.user, case_type=TRAINING_SUBSIDY.case_type)[:200]
    return list(SubsidyClaim.objects.filter(case__in=cases).select_related("case").order_by("pk"))


@router.post("/training/courses/{course_id}/claims", response={201: TrainingClaimOut},
             summary="申报培训补贴（该培训班未申领的结业学员）")
def prepare_claim(request, course_id: ObjectId, body: TrainingClaimIn):
    course = _course(request, course_id)
    return Status(201, services.prepare_subsidy_claim(actor=request.user, course=course, note=body.note))


@router.get("/training/claims/{claim_id}", response=TrainingClaimOut, summary="查询一份培训补贴申领及其办理环节")
def get_claim(request, claim_id: ObjectId):
    check_permission(request.user, JOBSERVICES_VIEW)
    return scoping.get_visible_or_404(SubsidyClaim.objects.select_related("case"), request.user, pk=claim_id)


@router.post("/training/claims/{claim_id}/decisions", response=TrainingClaimOut,
             summary="办理培训补贴申领的一个环节：forward、approve、return、resubmit、reject、withdraw")
def decide_claim(request, claim_id: ObjectId, body: TrainingDecisionIn):
    claim = scoping.get_visible_or_404(SubsidyClaim.objects.select_related("case", "course"), request.user,
                                       pk=claim_id)
    try:
        return services.decide_subsidy_claim(actor=request.user, claim=claim, action=body.action,
                                             version=body.version, reason=body.reason)
    except review.CaseChanged as error:
        raise HttpError(409, str(error)) from None
    except review.MoveRefused as error:
        raise ValidationError(str(error)) from None


@router.get("/kpi/rural-training/{region_code}", response=RuralTrainingKpiOut,
            summary="五个100%之四：有培训需求的农村劳动力得到免费培训（分子、分母、比例、下级区域）")
def rural_training(request, region_code: RegionCode, on: datetime.date | None = None):
    """`on`: the day counted (a month's end for the monthly report); today by default."""
    check_permission(request.user, JOBSERVICES_VIEW)
    region = scoping.get_region_or_404(request.user, region_code)
    today = timezone.localdate()
    if on is not None:
        if on > today:
            raise ValidationError("统计日期不能晚于今天。")
        today = on
    total, children = kpi.figures(request.user, region, today)
    return {**_figure(total), "as_of": today, "children": [_figure(child) for child in children]}
