"""API of the referrals part (mounted at /api/v1/ by hrss/api/urls.py; each operation with its whole path)."""

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, Month, ObjectId, RegionCode, Text
from hrss.core.permissions import check_permission
from hrss.jobservices.models import JobFair, JobSeeker, Referral
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW
from hrss.jobservices.referrals import kpi, selectors, services

router = Router(tags=["就业服务"])


class ReferralOut(Schema):
    id: int
    number: str
    seeker_id: int
    vacancy_id: int
    region_code: str
    referred_on: datetime.date
    due_on: datetime.date
    score: int
    reasons: list[str]
    suitable: bool
    outcome: str
    outcome_on: datetime.date | None
    outcome_note: str
    fair_id: int | None
    employment_registration_id: int | None


class ReferIn(Schema):
    seeker_id: Id
    vacancy_id: Id
    fair_id: Id | None = None


class OutcomeIn(Schema):
    outcome: Text(24)
    outcome_on: datetime.date
    note: Text(200, lines=True) = ""


class ReferralFilter(Schema):
    region_code: Text(12) = ""
    outcome: Text(24) = ""  # an outcome, or "overdue" (pending past its due day)
    month: Text(7) = ""  # the month referred, 2026-11
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class OfferFiguresOut(Schema):
    on_time: int
    late: int
    due: int
    ended: int
    numerator: int  # on time
    denominator: int  # on time + late (the decided ones)
    rate: float | None  # percent


class ChildOfferFiguresOut(OfferFiguresOut):
    region_code: str
    name: str


class ServiceFiguresOut(Schema):
    people: int  # open job seekers and standing registered unemployed
    served: int  # of them, with at least one referral, guidance record or training
    unserved: int
    rate: float | None  # served / people in percent, one decimal; null when nobody


class ChildServiceFiguresOut(ServiceFiguresOut):
    region_code: str
    name: str


class FreeServicesKpiOut(Schema):
    region_code: str
    on: datetime.date
    figures: ServiceFiguresOut
    children: list[ChildServiceFiguresOut]


class JobOfferKpiOut(Schema):
    region_code: str
    month: str
    working_days: int
    figures: OfferFiguresOut
    children: list[ChildOfferFiguresOut]


def _referral(request, referral_id):
    return scoping.get_visible_or_404(Referral.objects.select_related("seeker__person", "vacancy__employer"),
                                      request.user, pk=referral_id)


@router.get("/referrals", response=list[ReferralOut], summary="推荐记录（本辖区，新的在前；可按区域、结果、月份筛选）")
def list_referrals(request, filters: Query[ReferralFilter]):
    check_permission(request.user, JOBSERVICES_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region_code) if filters.region_code else None
    rows = selectors.filtered(selectors.referrals(request.user, region), outcome=filters.outcome,
                              month=filters.month, today=timezone.localdate())
    return list(rows.order_by("-referred_on", "-id")[filters.offset: filters.offset + filters.limit])


@router.post("/referrals", response={201: ReferralOut}, summary="推荐求职人员到岗位（生成推荐信编号和反馈期限）")
def refer(request, body: ReferIn):
    check_permission(request.user, JOBSERVICES_HANDLE)
    seeker = scoping.get_visible_or_404(JobSeeker.objects.select_related("person"), request.user, pk=body.seeker_id)
    vacancy = selectors.referable_vacancy(request.user, body.vacancy_id)
    fair = scoping.get_visible_or_404(JobFair, request.user, pk=body.fair_id) if body.fair_id else None
    return Status(201, services.refer(actor=request.user, seeker=seeker, vacancy=vacancy, fair=fair))


@router.get("/referrals/{referral_id}", response=ReferralOut, summary="查询一条推荐记录")
def get_referral(request, referral_id: ObjectId):
    check_permission(request.user, JOBSERVICES_VIEW)
    return _referral(request, referral_id)


@router.post("/referrals/{referral_id}/outcome", response=ReferralOut,
             summary="登记推荐结果：hired、not_hired、refused_with_reason、refused_without_reason、no_answer")
def record_outcome(request, referral_id: ObjectId, body: OutcomeIn):
    referral = _referral(request, referral_id)
    return services.record_outcome(actor=request.user, referral=referral, outcome=body.outcome,
                                   outcome_on=body.outcome_on, note=body.note)


@router.get("/referrals/{referral_id}/letter.pdf", summary="推荐信（PDF，含回执；打印留审计记录）")
def letter(request, referral_id: ObjectId):
    check_permission(request.user, JOBSERVICES_HANDLE)
    referral = _referral(request, referral_id)
    response = HttpResponse(services.letter_pdf(referral, actor=request.user), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"{referral.number}.pdf")
    return response


def _figures(figures):
    return {"on_time": figures.on_time, "late": figures.late, "due": figures.due, "ended": figures.ended,
            "numerator": figures.on_time, "denominator": figures.decided, "rate": figures.rate}


@router.get("/kpi/job-offer-within-10-days/{region_code}/{month}", response=JobOfferKpiOut,
            summary="不挑不拣的求职人员10个工作日内得到合适岗位：按求职登记月份，本区域及下级区域")
def job_offer_kpi(request, region_code: RegionCode, month: Month):
    check_permission(request.user, JOBSERVICES_VIEW)
    region = scoping.get_region_or_404(request.user, region_code)
    try:
        year, number = kpi.parse_month(month)
    except ValueError:
        raise ValidationError("月份应写成 2026-11 的形式。") from None
    today = timezone.localdate()
    report = kpi.job_offer_report(request.user, region, year, number, today=today)
    return {"region_code": region.code, "month": f"{year}-{number:02d}",
            "working_days": kpi.dated(kpi.OFFER_WORKING_DAYS, today), "figures": _figures(report.figures),
            "children": [{"region_code": child.code, "name": child.name, **_figures(figures)}
                         for child, figures in report.children]}


def _service_figures(figures):
    return {"people": figures.people, "served": figures.served, "unserved": figures.unserved, "rate": figures.rate}


@router.get("/kpi/free-employment-services/{region_code}", response=FreeServicesKpiOut,
            summary="免费公共就业服务覆盖（KPI 3）：求职人员和登记失业人员中得到过推荐、指导或培训的，本区域及下级区域")
def free_services_kpi(request, region_code: RegionCode):
    check_permission(request.user, JOBSERVICES_VIEW)
    region = scoping.get_region_or_404(request.user, region_code)
    today = timezone.localdate()
    total, children = kpi.service_report(request.user, region, today=today)
    return {"region_code": region.code, "on": today, "figures": _service_figures(total),
            "children": [{"region_code": child.code, "name": child.name, **_service_figures(figures)}
                         for child, figures in children]}
