"""The grid part's API operations, each with its whole path under /api/v1/supervision/: a cell (its staff and
figures), setting and removing its staff; the leads (list, report, read, correct, forward, dismiss, resolve); the
routine visits to employers (list, record, read, correct)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, ObjectId, RegionCode, Text
from hrss.core.permissions import check_permission
from hrss.core.selectors import staff_of
from hrss.supervision.grid import selectors, services
from hrss.supervision.models import EmployerVisit, GridStaff, Lead, LeadKind, LeadState
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW

router = Router(tags=["信访监察与服务监督"])


class GridStaffOut(Schema):
    id: int
    region_code: str
    name: str
    phone: str
    post: str
    user_id: int | None
    since: datetime.date
    left_on: datetime.date | None


class GridCellFigures(Schema):
    leads_this_year: int
    open_leads: int
    visits_this_year: int
    employers_visited: int


class GridCellOut(Schema):
    region_code: str
    region_name: str
    staff: list[GridStaffOut]
    figures: GridCellFigures


class GridStaffIn(Schema):
    name: Text(30)
    phone: Text(20)
    post: Text(12)
    user_id: Id | None = None
    since: datetime.date | None = None


class GridStaffRemoveIn(Schema):
    left_on: datetime.date | None = None


class GridLeadOut(Schema):
    id: int
    region_code: str
    reported_by_id: int
    reported_on: datetime.date
    employer_name: str
    employer_uscc: str
    kind: str
    description: str
    workers_affected: int
    state: str
    decided_on: datetime.date | None
    decided_by_id: int | None
    decision_note: str


class GridLeadIn(Schema):
    region_code: Text(12)
    employer_name: Text(100)
    employer_uscc: Text(30) = ""
    kind: Text(12)
    description: Text(1000, lines=True)
    workers_affected: int = Field(0, ge=0, le=services.MAX_WORKERS)
    reported_on: datetime.date | None = None


class GridLeadFilter(Schema):
    region: Text(12) = ""
    state: Text(10) = ""
    kind: Text(12) = ""
    year: int | None = Field(None, ge=2000, le=2100)
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class GridLeadNoteIn(Schema):
    note: Text(500, lines=True) = ""


class GridLeadReasonIn(Schema):
    reason: Text(500, lines=True) = ""


class EmployerVisitOut(Schema):
    id: int
    region_code: str
    employer_name: str
    employer_uscc: str
    visited_on: datetime.date
    by_id: int
    findings: str
    problems_found: bool
    lead_id: int | None


class EmployerVisitIn(Schema):
    region_code: Text(12)
    employer_name: Text(100)
    employer_uscc: Text(30) = ""
    visited_on: datetime.date
    findings: Text(1000, lines=True)
    problems_found: bool = False
    lead_kind: Text(12) = ""
    lead_description: Text(1000, lines=True) = ""
    workers_affected: int = Field(0, ge=0, le=services.MAX_WORKERS)


class EmployerVisitFilter(Schema):
    region: Text(12) = ""
    year: int | None = Field(None, ge=2000, le=2100)
    problems_only: bool = False
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def _region(request, code):
    return scoping.get_region_or_404(request.user, code) if code else None


@router.get("/supervision/grid-cells/{region_code}", response=GridCellOut,
            summary="网格（村(社区)或乡镇(街道)）：在任网格员与本年数字")
def get_cell(request, region_code: RegionCode):
    check_permission(request.user, SUPERVISION_VIEW)
    region = scoping.get_region_or_404(request.user, region_code)
    if (problem := services.region_problem(region)) is not None:
        raise ValidationError(problem)
    return {"region_code": region.code, "region_name": region.name,
            "staff": list(selectors.current_staff(request.user, region)),
            "figures": selectors.figures(request.user, region, timezone.localdate())}


@router.post("/supervision/grid-cells/{region_code}/staff", response={201: GridStaffOut},
             summary="设置网格员（乡镇(街道)或县(区)；可关联本网格单位的工作人员账号）")
def add_staff(request, region_code: RegionCode, body: GridStaffIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    region = scoping.get_region_or_404(request.user, region_code)
    user = None
    if body.user_id is not None:
        user = staff_of(request.user, region).filter(pk=body.user_id).first()
        if user is None:
            raise ValidationError(f"{region.name}没有该在职工作人员账号（user_id={body.user_id}）。")
    staff = services.add_staff(actor=request.user, region=region, name=body.name, phone=body.phone, post=body.post,
                               user=user, since=body.since)
    return Status(201, staff)


@router.post("/supervision/grid-cells/{region_code}/staff/{staff_id}/remove", response=GridStaffOut,
             summary="网格员卸任（乡镇(街道)或县(区)）")
def remove_staff(request, region_code: RegionCode, staff_id: ObjectId, body: GridStaffRemoveIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    staff = scoping.get_visible_or_404(GridStaff, request.user, pk=staff_id, region_code=region_code)
    return services.remove_staff(actor=request.user, staff=staff, left_on=body.left_on)


@router.get("/supervision/leads", response=list[GridLeadOut],
            summary="网格线索（本辖区，可按区域、状态、类别、报告年度筛选）")
def list_leads(request, filters: Query[GridLeadFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    if filters.state and filters.state not in LeadState.values:
        raise ValidationError(f"状态只能是：{'、'.join(LeadState.values)}。")
    if filters.kind and filters.kind not in LeadKind.values:
        raise ValidationError(f"类别只能是：{'、'.join(LeadKind.values)}。")
    rows = selectors.leads(request.user, _region(request, filters.region), state=filters.state, kind=filters.kind,
                           year=filters.year)
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.post("/supervision/leads", response={201: GridLeadOut},
             summary="报告网格线索（村(社区)或乡镇(街道)；类别 wages/no_contract/not_insured/overtime/child_labour/other）")
def report_lead(request, body: GridLeadIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    region = scoping.get_region_or_404(request.user, body.region_code)
    lead = services.report_lead(actor=request.user, region=region, employer_name=body.employer_name,
                                employer_uscc=body.employer_uscc, kind=body.kind, description=body.description,
                                workers_affected=body.workers_affected, reported_on=body.reported_on)
    return Status(201, lead)


def _lead(request, lead_id):
    return scoping.get_visible_or_404(Lead, request.user, pk=lead_id)


@router.get("/supervision/leads/{lead_id}", response=GridLeadOut, summary="一条网格线索")
def get_lead(request, lead_id: ObjectId):
    check_permission(request.user, SUPERVISION_VIEW)
    return _lead(request, lead_id)


def _refused_as_said(refused):
    """The service's reason (only the cell's office corrects), not the generic refusal of a role."""
    return HttpError(403, str(refused))


@router.post("/supervision/leads/{lead_id}/correction", response=GridLeadOut,
             summary="更正网格线索（报告它的网格单位本身，移交劳动保障监察前；与报告时相同的字段，网格不变）")
def correct_lead(request, lead_id: ObjectId, body: GridLeadIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    lead = _lead(request, lead_id)
    if body.region_code != lead.region_code:
        raise ValidationError("更正不能改变报告网格：region_code 应为该线索的报告网格。")
    try:
        return services.correct_lead(actor=request.user, lead=lead, employer_name=body.employer_name,
                                     employer_uscc=body.employer_uscc, kind=body.kind, description=body.description,
                                     workers_affected=body.workers_affected, reported_on=body.reported_on)
    except PermissionDenied as refused:
        raise _refused_as_said(refused) from None


@router.post("/supervision/leads/{lead_id}/forward", response=GridLeadOut,
             summary="移交劳动保障监察（乡镇(街道)或县(区)；同时立监察案件）")
def forward_lead(request, lead_id: ObjectId, body: GridLeadNoteIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    return services.forward_lead(actor=request.user, lead=_lead(request, lead_id), note=body.note)


@router.post("/supervision/leads/{lead_id}/dismiss", response=GridLeadOut,
             summary="不予移交（乡镇(街道)或县(区)；须说明理由）")
def dismiss_lead(request, lead_id: ObjectId, body: GridLeadReasonIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    return services.dismiss_lead(actor=request.user, lead=_lead(request, lead_id), reason=body.reason)


@router.post("/supervision/leads/{lead_id}/resolve", response=GridLeadOut, summary="已现场解决（须说明解决情况）")
def resolve_lead(request, lead_id: ObjectId, body: GridLeadNoteIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    return services.resolve_lead(actor=request.user, lead=_lead(request, lead_id), note=body.note)


@router.get("/supervision/employer-visits", response=list[EmployerVisitOut],
            summary="走访用人单位记录（本辖区，可按区域、年度、是否发现问题筛选）")
def list_visits(request, filters: Query[EmployerVisitFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    rows = selectors.visits(request.user, _region(request, filters.region), year=filters.year,
                            problems_only=filters.problems_only)
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.post("/supervision/employer-visits", response={201: EmployerVisitOut},
             summary="登记走访用人单位（发现问题的可同时报告线索：lead_kind 等）")
def record_visit(request, body: EmployerVisitIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    region = scoping.get_region_or_404(request.user, body.region_code)
    visit = services.record_visit(actor=request.user, region=region, employer_name=body.employer_name,
                                  employer_uscc=body.employer_uscc, visited_on=body.visited_on,
                                  findings=body.findings, problems_found=body.problems_found,
                                  lead_kind=body.lead_kind, lead_description=body.lead_description,
                                  workers_affected=body.workers_affected)
    return Status(201, visit)


@router.get("/supervision/employer-visits/{visit_id}", response=EmployerVisitOut, summary="一次走访用人单位记录")
def get_visit(request, visit_id: ObjectId):
    check_permission(request.user, SUPERVISION_VIEW)
    return scoping.get_visible_or_404(EmployerVisit, request.user, pk=visit_id)


@router.post("/supervision/employer-visits/{visit_id}/correction", response=EmployerVisitOut,
             summary="更正走访记录（登记它的网格单位本身；与登记时相同的字段，网格不变，不另报告线索）")
def correct_visit(request, visit_id: ObjectId, body: EmployerVisitIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    visit = scoping.get_visible_or_404(EmployerVisit, request.user, pk=visit_id)
    if body.region_code != visit.region_code:
        raise ValidationError("更正不能改变走访的网格：region_code 应为该走访记录的网格。")
    try:
        return services.correct_visit(actor=request.user, visit=visit, employer_name=body.employer_name,
                                      employer_uscc=body.employer_uscc, visited_on=body.visited_on,
                                      findings=body.findings, problems_found=body.problems_found,
                                      lead_kind=body.lead_kind, lead_description=body.lead_description,
                                      workers_affected=body.workers_affected)
    except PermissionDenied as refused:
        raise _refused_as_said(refused) from None
