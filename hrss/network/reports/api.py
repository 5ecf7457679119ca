"""The reports part's API operations, each with its whole path under /api/v1/network/: the reports of a region, one
report (its current version's figures and its history), generating one, the acts on it (remarks, check, submit,
approve, return, unlock) through the same services as the pages, and the completeness and timeliness of a month."""

import datetime
from decimal import Decimal

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.network.models import MonthlyReport
from hrss.network.permissions import NETWORK_VIEW
from hrss.network.reports import rules, selectors, services

router = Router(tags=["平台建设与考核"])


class ReportFigureOut(Schema):
    area: str
    part: str
    label: str
    value: int | float | str
    shown: str


class EventOut(Schema):
    action: str
    version: int
    actor_id: int
    at: datetime.datetime
    reason: str


class ReportOut(Schema):
    id: int
    region_code: str
    month: str
    state: str
    version: int
    remarks: str
    first_submitted_on: datetime.date | None
    approved_at: datetime.datetime | None
    approved_by_id: int | None
    returned_reason: str
    deadline: datetime.date | None


class ReportDetailOut(ReportOut):
    as_of: datetime.date
    figures: list[ReportFigureOut]
    history: list[EventOut]


class ReportFilter(Schema):
    region: Text(12) = ""
    month: Text(7) = ""
    state: Text(10) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class GenerateIn(Schema):
    region_code: Text(12)
    month: Text(7)  # YYYY-MM


class RemarksIn(Schema):
    remarks: Text(services.REMARKS_LIMIT, lines=True) = ""


class ReasonIn(Schema):
    reason: Text(services.REASON_LIMIT, lines=True) = ""


class CompletenessFilter(Schema):
    region: Text(12) = ""
    month: Text(7) = ""


class CompletenessRowOut(Schema):
    region_code: str
    region_name: str
    expected: int
    submitted: int
    on_time: int
    completeness_percent: Decimal | None
    timeliness_percent: Decimal | None
    late: list[str]  # the codes of the townships that submitted after the deadline
    missing: list[str]  # the codes of the townships that have not submitted


class CompletenessOut(Schema):
    month: str
    deadline: datetime.date | None
    total: CompletenessRowOut
    rows: list[CompletenessRowOut]


def _month(text):
    try:
        return selectors.parse_month(text, timezone.localdate())
    except selectors.MonthRefused as refused:
        raise HttpError(422, str(refused)) from None


def _out(report):
    return {"id": report.pk, "region_code": report.region_code, "month": f"{report.month:%Y-%m}",
            "state": report.state, "version": report.version, "remarks": report.remarks,
            "first_submitted_on": report.first_submitted_on, "approved_at": report.approved_at,
            "approved_by_id": report.approved_by_id, "returned_reason": report.returned_reason,
            "deadline": rules.deadline_of(report.month)}


def _detail(report):
    version = report.versions.get(number=report.version)
    history = [{"action": event.action, "version": event.version, "actor_id": event.actor_id, "at": event.at,
                "reason": event.reason} for event in report.events.order_by("at", "pk")]
    return {**_out(report), "as_of": version.as_of, "figures": version.figures, "history": history}


def _report(request, report_id):
    check_permission(request.user, NETWORK_VIEW)
    return scoping.get_visible_or_404(MonthlyReport, request.user, pk=report_id)


def _region(request, code):
    if code:
        return scoping.get_region_or_404(request.user, code)
    scope = scoping.scope_of(request.user)
    if scope.is_empty:
        raise Http404
    return scope.region


@router.get("/network/reports", response=list[ReportOut], summary="月报（本辖区，可按区域、月份、状态筛选）")
def list_reports(request, filters: Query[ReportFilter]):
    check_permission(request.user, NETWORK_VIEW)
    region = _region(request, filters.region)
    reports = scoping.within_region(selectors.reports_visible_to(request.user), region)
    if filters.month:
        reports = reports.filter(month=_month(filters.month))
    if filters.state:
        if filters.state not in MonthlyReport.State.values:
            raise HttpError(422, f"状态只能是：{'、'.join(MonthlyReport.State.values)}。")
        reports = reports.filter(state=filters.state)
    return [_out(report) for report in reports.order_by("-month", "region_code")[
        filters.offset: filters.offset + filters.limit]]


@router.get("/network/reports/completeness", response=CompletenessOut,
            summary="月报完整率与及时率（市：各县(区)；县(区)：各乡镇(街道)；默认上月）")
def completeness(request, filters: Query[CompletenessFilter]):
    check_permission(request.user, NETWORK_VIEW)
    region = _region(request, filters.region)
    month = _month(filters.month)
    rows = selectors.completeness(region, month)
    total = selectors.total(region, rows)

    def row_out(row):
        return {"region_code": row.region.code, "region_name": row.region.name, "expected": row.expected,
                "submitted": row.submitted, "on_time": row.on_time, "completeness_percent": row.completeness,
                "timeliness_percent": row.timeliness, "late": [t.code for t in row.late],
                "missing": [t.code for t in row.missing]}

    return {"month": f"{month:%Y-%m}", "deadline": total.deadline, "total": row_out(total),
            "rows": [row_out(row) for row in rows]}


@router.post("/network/reports/generate", response={201: ReportDetailOut},
             summary="生成（或重新生成）乡镇(街道)某月月报（月份结束后；已上报或已锁定的不能重新生成）")
def generate(request, body: GenerateIn):
    check_permission(request.user, NETWORK_VIEW)
    township = scoping.get_region_or_404(request.user, body.region_code)
    report = services.generate_report(actor=request.user, township=township, month=_month(body.month))
    return Status(201, _detail(report))


@router.get("/network/reports/{report_id}", response=ReportDetailOut,
            summary="一份月报：当前版本的统计数、说明与操作记录")
def get_report(request, report_id: ObjectId):
    return _detail(_report(request, report_id))


@router.post("/network/reports/{report_id}/remarks", response=ReportDetailOut, summary="修改月报说明")
def remarks(request, report_id: ObjectId, body: RemarksIn):
    report = services.edit_remarks(actor=request.user, report=_report(request, report_id), remarks=body.remarks)
    return _detail(report)


@router.post("/network/reports/{report_id}/check", response=ReportDetailOut, summary="核对月报（乡镇(街道)审核员）")
def check(request, report_id: ObjectId):
    return _detail(services.check_report(actor=request.user, report=_report(request, report_id)))


@router.post("/network/reports/{report_id}/submit", response=ReportDetailOut, summary="上报月报（核对后）")
def submit(request, report_id: ObjectId):
    return _detail(services.submit_report(actor=request.user, report=_report(request, report_id)))


@router.post("/network/reports/{report_id}/approve", response=ReportDetailOut,
             summary="审核并锁定月报（县(区)审批员）")
def approve(request, report_id: ObjectId):
    return _detail(services.approve_report(actor=request.user, report=_report(request, report_id)))


@router.post("/network/reports/{report_id}/return", response=ReportDetailOut,
             summary="退回月报（县(区)审批员，须说明理由）")
def return_(request, report_id: ObjectId, body: ReasonIn):
    return _detail(services.return_report(actor=request.user, report=_report(request, report_id),
                                          reason=body.reason))


@router.post("/network/reports/{report_id}/unlock", response=ReportDetailOut,
             summary="解锁已锁定的月报（县(区)审批员，须说明理由；记入操作记录）")
def unlock(request, report_id: ObjectId, body: ReasonIn):
    return _detail(services.unlock_report(actor=request.user, report=_report(request, report_id),
                                          reason=body.reason))

