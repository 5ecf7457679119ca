"""The ratings part's API operations, each with its whole path under /api/v1/supervision/: the ratings of a region,
the complaints (list, one, enter one, answer one). The citizen's rating itself is not here: it needs no account
(the public page, and later the public API). A complaint about the caller is never in an answer."""

import datetime

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.supervision import inputs
from hrss.supervision.models import ComplaintState, Score
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.ratings import selectors, services

router = Router(tags=["信访监察与服务监督"])


class RatingOut(Schema):
    """A rating as staff may see it: the office, the service and the day, the score and the reason; never its code,
    who served nor the day the case was completed (joined with the completed cases they would name the citizen)."""
    id: int
    service: str
    region_code: str
    score: int
    score_label: str
    reason: str
    rated_on: datetime.date

    @staticmethod
    def resolve_service(rating):
        return rating.code.service

    @staticmethod
    def resolve_score_label(rating):
        return str(Score(rating.score).label)

    @staticmethod
    def resolve_rated_on(rating):
        return timezone.localdate(rating.rated_at)


class RatingFilter(Schema):
    region: Text(12) = ""
    score: int | None = Field(None, ge=1, le=5)
    month: Text(7) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ComplaintOut(Schema):
    id: int
    region_code: str
    office_code: str
    about_staff_id: int | None
    origin: str
    rating_id: int | None
    text: str
    complainant_name: str
    complainant_phone: str
    received_on: datetime.date
    due_date: datetime.date | None
    state: str
    reply: str
    outcome: str
    replied_on: datetime.date | None
    replied_by_id: int | None


class ComplaintFilter(Schema):
    region: Text(12) = ""
    state: Text(8) = ""
    overdue: bool = False
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ComplaintIn(Schema):
    office_code: Text(12)
    about_staff_id: Id | None = None
    origin: Text(12)
    text: Text(1000, lines=True)
    complainant_name: Text(50) = ""
    complainant_phone: Text(20) = ""
    received_on: datetime.date


class ComplaintReplyIn(Schema):
    reply: Text(1000, lines=True)
    outcome: Text(12) = ""  # 核实结果: upheld 查实, partly 部分查实, unfounded 不属实 (required)


def _region(request, code):
    return scoping.get_region_or_404(request.user, code) if code else None


@router.get("/supervision/ratings", response=list[RatingOut],
            summary="服务评价（好差评；本辖区，可按区域、评价 1-5、评价月份 YYYY-MM 筛选）")
def list_ratings(request, filters: Query[RatingFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    region = _region(request, filters.region) or scoping.scope_of(request.user).region
    bounds, refused = inputs.month_filter(filters.month, timezone.localdate())
    if refused:
        raise HttpError(422, refused)
    month = (bounds[0].year, bounds[0].month) if bounds else None
    rows = selectors.ledger(request.user, region, score=filters.score, month=month)
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.get("/supervision/complaints", response=list[ComplaintOut],
            summary="投诉（差评与意见箱；本辖区，不含对本人的投诉；可按区域、状态 open/closed、逾期筛选）")
def list_complaints(request, filters: Query[ComplaintFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    if filters.state and filters.state not in ComplaintState.values:
        raise HttpError(422, f"状态只能是：{'、'.join(ComplaintState.values)}。")
    rows = selectors.complaints(request.user, _region(request, filters.region), state=filters.state,
                                overdue=filters.overdue, today=timezone.localdate())
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.get("/supervision/complaints/{complaint_id}", response=ComplaintOut, summary="一件投诉")
def get_complaint(request, complaint_id: ObjectId):
    check_permission(request.user, SUPERVISION_VIEW)
    return get_object_or_404(selectors.complaints_visible_to(request.user), pk=complaint_id)


@router.post("/supervision/complaints", response={201: ComplaintOut},
             summary="登记投诉（意见箱 mailbox、电话 phone、来信 letter、来访 visit；被投诉机构须在本辖区）")
def record_complaint(request, body: ComplaintIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    office = scoping.get_region_or_404(request.user, body.office_code)
    about_staff = None
    if body.about_staff_id is not None:
        about_staff = scoping.get_visible_or_404(get_user_model().objects.select_related("region"), request.user,
                                                 pk=body.about_staff_id)
    complaint = services.record_complaint(
        actor=request.user, office_code=office.code, about_staff=about_staff, origin=body.origin, text=body.text,
        received_on=body.received_on, complainant_name=body.complainant_name,
        complainant_phone=body.complainant_phone)
    return Status(201, complaint)


@router.post("/supervision/complaints/{complaint_id}/reply", response=ComplaintOut,
             summary="答复投诉（答复后办结；须填写答复）")
def reply_complaint(request, complaint_id: ObjectId, body: ComplaintReplyIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    complaint = get_object_or_404(selectors.complaints_visible_to(request.user), pk=complaint_id)
    return services.reply_complaint(actor=request.user, complaint=complaint, reply=body.reply,
                                    outcome=body.outcome)
