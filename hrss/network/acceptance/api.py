"""The acceptance part's API operations, each with its whole path under /api/v1/network/: inspections (a list, one
with its checklist, a new one with its findings), rectification items (a list; fixed with a photo, confirmed,
reopened), acceptances (a list, one, a request, the city's decision, a withdrawal), the milestones' progress and a
month's bulletin. The same services as the pages; refusals in Chinese (422), out of scope 404 (looked up first), a
role that may not act 403 with the service's reason, a case moved meanwhile 409."""

import datetime
from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from ninja import File, Form, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from pydantic import Field

from hrss.core import review, scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, Month, ObjectId, Text
from hrss.core.models import Level
from hrss.core.permissions import check_permission
from hrss.network.acceptance import bulletin, selectors, services
from hrss.network.models import Acceptance, Inspection, Rectification
from hrss.network.offices import services as office_services
from hrss.network.permissions import NETWORK_VIEW

router = Router(tags=["平台建设与考核"])


class FindingOut(Schema):
    rule: str
    title: str
    required: str
    recorded: str
    result: str
    note: str
    rectification_id: int | None

    @staticmethod
    def resolve_rectification_id(finding):
        item = getattr(finding, "rectification", None)  # a finding that meets its rule has none
        return item.pk if item else None


class InspectionOut(Schema):
    id: int
    region_code: str
    office_id: int
    inspected_on: datetime.date
    inspectors: str
    note: str


class InspectionDetailOut(InspectionOut):
    findings: list[FindingOut]

    @staticmethod
    def resolve_findings(inspection):
        return list(inspection.findings.select_related("rectification").order_by("position", "id"))


class FindingIn(Schema):
    rule: Text(64)
    result: Text(12)
    note: Text(500) = ""


class InspectionIn(Schema):
    region_code: Text(12)
    inspected_on: datetime.date | None = None
    findings: list[FindingIn] = Field(default_factory=list, max_length=100)
    inspectors: Text(100) = ""
    note: Text(1000, lines=True) = ""
    due_on: datetime.date | None = None


class RectificationOut(Schema):
    id: int
    region_code: str
    inspection_id: int
    rule: str
    title: str
    finding_note: str
    state: str
    opened_on: datetime.date
    due_on: datetime.date
    overdue: bool
    fixed_on: datetime.date | None
    fixed_note: str
    photo_id: int | None
    confirmed_on: datetime.date | None
    reopened_times: int
    reopen_note: str

    @staticmethod
    def resolve_inspection_id(item):
        return item.finding.inspection_id

    @staticmethod
    def resolve_rule(item):
        return item.finding.rule

    @staticmethod
    def resolve_title(item):
        return item.finding.title

    @staticmethod
    def resolve_finding_note(item):
        return item.finding.note

    @staticmethod
    def resolve_overdue(item):
        return item.is_overdue(timezone.localdate())


class RectificationFilter(Schema):
    region: Text(12) = ""
    state: Text(12) = ""
    overdue: bool = False
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ListFilter(Schema):
    region: Text(12) = ""
    state: Text(12) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ReopenIn(Schema):
    note: Text(500, lines=True)
    due_on: datetime.date | None = None


class AcceptanceOut(Schema):
    id: int
    region_code: str
    office_id: int
    state: str
    requested_on: datetime.date
    request_note: str
    decided_on: datetime.date | None
    accepted_on: datetime.date | None
    reason: str
    version: int  # the review case's: send it back with a decision or a withdrawal

    @staticmethod
    def resolve_version(acceptance):
        return acceptance.case.version


class AcceptanceRequestIn(Schema):
    region_code: Text(12)
    note: Text(500, lines=True) = ""


class AcceptanceDecisionIn(Schema):
    accept: bool
    version: Id
    reason: Text(500, lines=True) = ""


class AcceptanceWithdrawalIn(Schema):
    version: Id
    reason: Text(500, lines=True)


class ProgressOut(Schema):
    region_code: str
    region_name: str
    due: int
    on_time: int
    late: int
    not_yet: int


class MilestoneOut(Schema):
    code: str
    title: str
    due_on: datetime.date
    counties: list[ProgressOut]
    total: ProgressOut


class BulletinLineOut(Schema):
    rank: int
    region_code: str
    region_name: str
    offices: int
    meeting: int
    accepted: int
    items_open: int
    items_overdue: int
    milestones: list[list[int]]  # [accepted on time, due] for each milestone, in the order of `milestones`


class BulletinOut(Schema):
    year: int
    month: int
    as_of: datetime.date
    title: str
    milestones: list[str]
    lines: list[BulletinLineOut]


def _says_why(operation):
    """A service's refusal of the caller with its reason: 403 saying it; a case moved meanwhile: 409."""
    @wraps(operation)
    def wrapped(*args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except PermissionDenied as error:
            if str(error):
                raise HttpError(403, str(error)) from None
            raise
        except review.CaseChanged as error:
            raise HttpError(409, str(error)) from None
        except review.MoveRefused as error:
            raise ValidationError(str(error)) from None
    return wrapped


def _region(request, code):
    return scoping.get_region_or_404(request.user, code) if code else None


def _office_region(request, code):
    region = scoping.get_region_or_404(request.user, code)
    if region.level not in (Level.TOWNSHIP, Level.VILLAGE):
        raise ValidationError("请填写乡镇(街道)或村(社区)的12位区划代码：服务机构设在乡镇(街道)和村(社区)。")
    return region


# --- inspections -------------------------------------------------------------------------------------------------

@router.get("/network/inspections", response=list[InspectionOut], summary="服务机构检查（本辖区，可按区域筛选）")
def list_inspections(request, filters: Query[ListFilter]):
    check_permission(request.user, NETWORK_VIEW)
    rows = selectors.inspections_visible_to(request.user, _region(request, filters.region))
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.get("/network/inspections/{inspection_id}", response=InspectionDetailOut, summary="一次检查及其检查项目")
def get_inspection(request, inspection_id: ObjectId):
    check_permission(request.user, NETWORK_VIEW)
    return scoping.get_visible_or_404(Inspection, request.user, pk=inspection_id)


@router.post("/network/inspections", response={201: InspectionDetailOut},
             summary="登记检查（检查日执行的每项标准一条 findings：result 为 meets、fails 或 not_checked；fails 须写 note）")
@_says_why
def record_inspection(request, body: InspectionIn):
    check_permission(request.user, NETWORK_VIEW)  # the service refuses one who may not inspect (403)
    region = _office_region(request, body.region_code)
    office = office_services.office_for(actor=request.user, region=region)
    findings = {finding.rule: {"result": finding.result, "note": finding.note} for finding in body.findings}
    inspection = services.record_inspection(
        actor=request.user, office=office, inspected_on=body.inspected_on or timezone.localdate(), findings=findings,
        inspectors=body.inspectors, note=body.note, due_on=body.due_on)
    return Status(201, inspection)


# --- rectification -----------------------------------------------------------------------------------------------

def _item(request, item_id):
    return scoping.get_visible_or_404(Rectification.objects.select_related("finding"), request.user, pk=item_id)


@router.get("/network/rectifications", response=list[RectificationOut],
            summary="整改事项（本辖区；state: open、fixed、confirmed、unfinished；overdue 只列逾期未整改的）")
def list_rectifications(request, filters: Query[RectificationFilter]):
    check_permission(request.user, NETWORK_VIEW)
    rows = selectors.rectifications_visible_to(request.user, _region(request, filters.region), state=filters.state,
                                               overdue_on=timezone.localdate() if filters.overdue else None)
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.get("/network/rectifications/{item_id}", response=RectificationOut, summary="一项整改事项")
def get_rectification(request, item_id: ObjectId):
    check_permission(request.user, NETWORK_VIEW)
    return _item(request, item_id)


@router.post("/network/rectifications/{item_id}/fix", response=RectificationOut,
             summary="登记整改完成（服务机构；multipart：note 整改情况，fixed_on，photo 整改后的照片）")
@_says_why
def fix_rectification(request, item_id: ObjectId, note: Form[str] = "", fixed_on: Form[datetime.date | None] = None,
                      photo: File[UploadedFile] = None):
    check_permission(request.user, NETWORK_VIEW)
    item = _item(request, item_id)
    return services.fix_rectification(actor=request.user, item=item, note=note[:500], upload=photo,
                                      fixed_on=fixed_on)


@router.post("/network/rectifications/{item_id}/confirm", response=RectificationOut,
             summary="确认整改（县(区)、市检查人员）")
@_says_why
def confirm_rectification(request, item_id: ObjectId):
    check_permission(request.user, NETWORK_VIEW)
    return services.confirm_rectification(actor=request.user, item=_item(request, item_id))


@router.post("/network/rectifications/{item_id}/reopen", response=RectificationOut,
             summary="整改退回重改（写明原因，可定新期限）")
@_says_why
def reopen_rectification(request, item_id: ObjectId, body: ReopenIn):
    check_permission(request.user, NETWORK_VIEW)
    return services.reopen_rectification(actor=request.user, item=_item(request, item_id), note=body.note,
                                         due_on=body.due_on)


# --- acceptance -------------------------------------------------------------------------------------------------

def _acceptance(request, acceptance_id):
    return scoping.get_visible_or_404(Acceptance.objects.select_related("case", "office"), request.user,
                                      pk=acceptance_id)


@router.get("/network/acceptances", response=list[AcceptanceOut],
            summary="验收（本辖区；state: requested 待市验收、accepted、refused、withdrawn）")
def list_acceptances(request, filters: Query[ListFilter]):
    check_permission(request.user, NETWORK_VIEW)
    rows = selectors.acceptances_visible_to(request.user, _region(request, filters.region), state=filters.state)
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.get("/network/acceptances/{acceptance_id}", response=AcceptanceOut, summary="一次验收")
def get_acceptance(request, acceptance_id: ObjectId):
    check_permission(request.user, NETWORK_VIEW)
    return _acceptance(request, acceptance_id)


@router.post("/network/acceptances", response={201: AcceptanceOut},
             summary="申请验收（县(区)；服务机构未达到当日执行的标准或整改未完成时拒绝并列出原因）")
@_says_why
def request_acceptance(request, body: AcceptanceRequestIn):
    check_permission(request.user, NETWORK_VIEW)
    region = _office_region(request, body.region_code)
    office = office_services.office_for(actor=request.user, region=region)
    return Status(201, services.request_acceptance(actor=request.user, office=office, note=body.note))


@router.post("/network/acceptances/{acceptance_id}/decision", response=AcceptanceOut,
             summary="市验收结论（accept 为 true 通过；false 不通过，须写 reason；version 为读取时的版本）")
@_says_why
def decide_acceptance(request, acceptance_id: ObjectId, body: AcceptanceDecisionIn):
    check_permission(request.user, NETWORK_VIEW)
    return services.decide_acceptance(actor=request.user, acceptance=_acceptance(request, acceptance_id),
                                      accept=body.accept, version=body.version, reason=body.reason)


@router.post("/network/acceptances/{acceptance_id}/withdrawal", response=AcceptanceOut,
             summary="撤回验收申请（县(区)，市验收前）")
@_says_why
def withdraw_acceptance(request, acceptance_id: ObjectId, body: AcceptanceWithdrawalIn):
    check_permission(request.user, NETWORK_VIEW)
    return services.withdraw_acceptance(actor=request.user, acceptance=_acceptance(request, acceptance_id),
                                        version=body.version, reason=body.reason)


# --- milestones and the bulletin -----------------------------------------------------------------------------------

def _progress(progress):
    region = progress.region
    return {"region_code": region.code if region else "", "region_name": region.name if region else "合计",
            "due": progress.due, "on_time": progress.on_time, "late": progress.late, "not_yet": progress.not_yet}


class AcceptanceRegionFilter(Schema):
    region: Text(12) = ""


@router.get("/network/milestones", response=list[MilestoneOut],
            summary="建设进度节点及各县(区)验收进度（region：本辖区内的区域，默认本人所在区域）")
def milestones(request, filters: Query[AcceptanceRegionFilter]):
    check_permission(request.user, NETWORK_VIEW)
    region = _region(request, filters.region)
    return [{"code": milestone.code, "title": milestone.title, "due_on": milestone.due_on,
             "counties": [_progress(row) for row in rows], "total": _progress(total)}
            for milestone, rows, total in selectors.milestone_progress(request.user, timezone.localdate(), region)]


@router.get("/network/bulletins/{month}", response=BulletinOut, summary="月度建设进展通报（YYYY-MM；各县(区)排名）")
def get_bulletin(request, month: Month, filters: Query[AcceptanceRegionFilter]):
    check_permission(request.user, NETWORK_VIEW)
    region = _region(request, filters.region)
    today = timezone.localdate()
    year, number = bulletin.parse_month(month, today)
    report = bulletin.bulletin(request.user, year, number, today, region)
    return {"year": report.year, "month": report.month, "as_of": report.as_of, "title": report.title,
            "milestones": [milestone.title for milestone in report.milestones],
            "lines": [{"rank": line.rank, "region_code": line.region.code, "region_name": line.region.name,
                       "offices": line.offices, "meeting": line.meeting, "accepted": line.accepted,
                       "items_open": line.items_open, "items_overdue": line.items_overdue,
                       "milestones": [list(pair) for pair in line.milestones]} for line in report.lines]}
