"""The publicity part's API operations, each with its whole path under /api/v1/supervision/: the publicity events
(list, record, read, correct); the notices issued in the scope (list, issue, read with each office's receipt, remind); the
notices sent to the caller's own office (list, mark read)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, ObjectId, Text
from hrss.core.models import Region
from hrss.core.permissions import check_permission
from hrss.supervision.models import Notice, NoticeReceipt, PublicityEvent, PublicityTopic
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.publicity import selectors, services

router = Router(tags=["信访监察与服务监督"])


class PublicityEventOut(Schema):
    id: int
    region_code: str
    topic: str
    topic_detail: str
    place: str
    held_on: datetime.date
    people_reached: int
    materials_count: int
    materials_description: str
    organiser: str
    note: str


class PublicityEventIn(Schema):
    region_code: Text(12)
    topic: Text(12)
    topic_detail: Text(200) = ""
    place: Text(100)
    held_on: datetime.date
    people_reached: int = Field(ge=0, le=services.MAX_PEOPLE)
    materials_count: int = Field(0, ge=0, le=services.MAX_PEOPLE)
    materials_description: Text(200) = ""
    organiser: Text(50)
    note: Text(500, lines=True) = ""


class PublicityEventFilter(Schema):
    region: Text(12) = ""
    topic: Text(12) = ""
    year: int | None = Field(None, ge=2000, le=2100)
    month: int | None = Field(None, ge=1, le=12)
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class NoticeReceiptOut(Schema):
    id: int
    notice_id: int
    region_code: str
    read_on: datetime.date | None
    read_by_id: int | None
    reminded_on: datetime.date | None
    reminders: int


class IssuedNoticeOut(Schema):
    id: int
    region_code: str
    title: str
    body: str
    issued_on: datetime.date
    issued_by_id: int
    read_by: datetime.date | None
    receipts: list[NoticeReceiptOut]

    @staticmethod
    def resolve_receipts(notice):
        return notice.shown_receipts  # those of the caller's scope (_shown)


class IssuedNoticeIn(Schema):
    region_code: Text(12)
    title: Text(100)
    body: Text(5000, lines=True)
    read_by: datetime.date | None = None
    audience: Text(10) = services.Audience.VILLAGES
    office_codes: list[Text(12)] = Field(default_factory=list, max_length=2000)


class IssuedNoticeFilter(Schema):
    region: Text(12) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ReceivedNoticeFilter(Schema):
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ReceivedNoticeOut(Schema):
    id: int
    notice_id: int
    region_code: str
    issuer_region_code: str
    title: str
    body: str
    issued_on: datetime.date
    read_by: datetime.date | None
    read_on: datetime.date | None
    reminders: int

    @staticmethod
    def resolve_issuer_region_code(receipt):
        return receipt.notice.region_code

    @staticmethod
    def resolve_title(receipt):
        return receipt.notice.title

    @staticmethod
    def resolve_body(receipt):
        return receipt.notice.body

    @staticmethod
    def resolve_issued_on(receipt):
        return receipt.notice.issued_on

    @staticmethod
    def resolve_read_by(receipt):
        return receipt.notice.read_by


class NoticeRemindOut(Schema):
    reminded: int


@router.get("/supervision/publicity-events", response=list[PublicityEventOut],
            summary="宣传活动（本辖区，可按区域、主题、年度、月份筛选）")
def list_events(request, filters: Query[PublicityEventFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    if filters.topic and filters.topic not in PublicityTopic.values:
        raise ValidationError(f"宣传主题只能是：{'、'.join(PublicityTopic.values)}。")
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    rows = selectors.events(request.user, region, topic=filters.topic, year=filters.year,
                            month=filters.month if filters.year else None)
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.post("/supervision/publicity-events", response={201: PublicityEventOut},
             summary="登记宣传活动（举办单位为本辖区的村(社区)、乡镇(街道)、县(区)或市）")
def record_event(request, body: PublicityEventIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    region = scoping.get_region_or_404(request.user, body.region_code)
    event = services.record_event(actor=request.user, region=region, topic=body.topic, topic_detail=body.topic_detail,
                                  place=body.place, held_on=body.held_on, people_reached=body.people_reached,
                                  materials_count=body.materials_count,
                                  materials_description=body.materials_description, organiser=body.organiser,
                                  note=body.note)
    return Status(201, event)


@router.get("/supervision/publicity-events/{event_id}", response=PublicityEventOut, summary="一场宣传活动")
def get_event(request, event_id: ObjectId):
    check_permission(request.user, SUPERVISION_VIEW)
    return scoping.get_visible_or_404(PublicityEvent, request.user, pk=event_id)


@router.post("/supervision/publicity-events/{event_id}/correction", response=PublicityEventOut,
             summary="更正宣传活动（举办单位本身；与登记时相同的字段，举办单位不变）")
def correct_event(request, event_id: ObjectId, body: PublicityEventIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    event = scoping.get_visible_or_404(PublicityEvent, request.user, pk=event_id)
    if body.region_code != event.region_code:
        raise ValidationError("更正不能改变举办单位：region_code 应为该活动的举办单位。")
    try:
        return services.correct_event(actor=request.user, event=event, topic=body.topic,
                                      topic_detail=body.topic_detail, place=body.place, held_on=body.held_on,
                                      people_reached=body.people_reached, materials_count=body.materials_count,
                                      materials_description=body.materials_description, organiser=body.organiser,
                                      note=body.note)
    except PermissionDenied as refused:  # the service's reason (only the holding office), not a role's
        raise HttpError(403, str(refused)) from None


@router.get("/supervision/notices", response=list[IssuedNoticeOut],
            summary="本辖区各单位发出的通知及各接收单位的阅读情况")
def list_notices(request, filters: Query[IssuedNoticeFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    return [_shown(request, notice)
            for notice in selectors.issued(request.user, region)[filters.offset: filters.offset + filters.limit]]


@router.post("/supervision/notices", response={201: IssuedNoticeOut},
             summary="发通知（乡镇(街道)、县(区)或市发给下级单位：audience 为 villages、townships 或 chosen 及 office_codes）")
def issue_notice(request, body: IssuedNoticeIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    region = scoping.get_region_or_404(request.user, body.region_code)
    offices = list(scoping.visible_to(request.user, Region.objects.filter(code__in=body.office_codes)))
    if len(offices) != len(set(body.office_codes)):
        raise Http404  # an office outside the scope is not found
    notice = services.issue_notice(actor=request.user, region=region, title=body.title, body=body.body,
                                   read_by=body.read_by, audience=body.audience, offices=offices)
    return Status(201, _shown(request, notice))


def _shown(request, notice):
    """The notice with the receipts of the caller's scope: every receipt for its issuer's scope, its own office's
    (and those below it) for a receiving office."""
    notice.shown_receipts = list(scoping.visible_to(request.user, notice.receipts.order_by("region_code")))
    return notice


def _notice(request, notice_id):
    return scoping.get_visible_or_404(Notice, request.user, pk=notice_id)


@router.get("/supervision/notices/{notice_id}", response=IssuedNoticeOut,
            summary="一份通知及阅读情况（发文单位看到各接收单位的，接收单位看到本单位的）")
def get_notice(request, notice_id: ObjectId):
    check_permission(request.user, SUPERVISION_VIEW)
    notice = Notice.objects.filter(pk=notice_id).first()
    if notice is None or not (scoping.visible_to(request.user, Notice.objects.filter(pk=notice_id)).exists()
                              or scoping.visible_to(request.user, notice.receipts.all()).exists()):
        raise Http404
    return _shown(request, notice)


@router.post("/supervision/notices/{notice_id}/remind", response=NoticeRemindOut, summary="向未阅单位催阅（每天一次）")
def remind(request, notice_id: ObjectId):
    check_permission(request.user, SUPERVISION_HANDLE)
    return {"reminded": services.remind(actor=request.user, notice=_notice(request, notice_id))}


def _office(request):
    scope = scoping.scope_of(request.user)
    if scope.is_empty:
        raise Http404
    return scope.region


@router.get("/supervision/notice-receipts", response=list[ReceivedNoticeOut],
            summary="发给本单位的通知（未阅的在前）")
def list_received(request, filters: Query[ReceivedNoticeFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    return list(selectors.received(request.user, _office(request))[filters.offset: filters.offset + filters.limit])


@router.post("/supervision/notice-receipts/{receipt_id}/read", response=ReceivedNoticeOut,
             summary="标记已阅（只有接收单位本身的工作人员可以，一次）")
def mark_read(request, receipt_id: ObjectId):
    check_permission(request.user, SUPERVISION_HANDLE)
    receipt = scoping.get_visible_or_404(NoticeReceipt.objects.select_related("notice"), request.user,
                                         pk=receipt_id)
    try:
        return services.mark_read(actor=request.user, receipt=receipt)
    except PermissionDenied as refused:  # the service's reason (an office above may look, not sign), not the API's
        raise HttpError(403, str(refused)) from None  # generic refusal of a role
