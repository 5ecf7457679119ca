"""The petitions part's API operations, each with its whole path under /api/v1/supervision/: the petitions of a
region (scoped, by pages of `limit`; held=received: those its offices received and carried up, read only, as on
the page), one petition with its history (the office that received it reads it after 上报), recording one (intake,
with the page's repeat check: 409 listing the earlier similar petitions unless repeat_of_id or not_repeat is
given), the decision, the extension (by the holding office's leader), the reply, and a request for 复查. The same services as the pages; refusals in Chinese (422)."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.supervision.models import Petition, PetitionCategory, PetitionState
from hrss.supervision.models.petitions import DUE_FIELDS
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.petitions import selectors, services

router = Router(tags=["信访监察与服务监督"])


class PetitionEventOut(Schema):
    kind: str
    on: datetime.date
    office_code: str
    by: str
    note: str

    @staticmethod
    def resolve_by(event):
        return str(event.by)


class PetitionOut(Schema):
    id: int
    number: str
    region_code: str
    received_at_code: str
    received_by_id: int
    received_on: datetime.date
    channel: str
    category: str
    petitioner_name: str
    id_number_masked: str
    petitioner_phone: str
    subject: str
    summary: str
    employer_name: str
    employer_uscc: str
    workers_count: int
    amount_claimed: Decimal | None
    repeat_of_id: int | None
    state: str
    accept_due: datetime.date
    decision: str
    decided_on: datetime.date | None
    forwarded_to: str
    decision_reason: str
    accepted_on: datetime.date | None
    handler_id: int | None
    handle_due: datetime.date | None
    extension_days: int | None
    extension_reason: str
    extended_on: datetime.date | None
    extension_approved_by_id: int | None  # the holding office's leader who approved it (信访工作条例 art. 32)
    reply: str
    replied_on: datetime.date | None
    concluded_on: datetime.date | None
    review_request_due: datetime.date | None
    review_requested_on: datetime.date | None
    review_due: datetime.date | None
    provisional_dues: list[str]  # the due fields counted in calendar days until their year's holidays are loaded
    dues_text: dict[str, str]  # each due date set, as shown: "2027-01-04（暂按自然日计，…）" while provisional
    overdue: bool

    @staticmethod
    def resolve_id_number_masked(petition):
        return petition.masked_id_number

    @staticmethod
    def resolve_dues_text(petition):
        return {field: text for field, _label in DUE_FIELDS if (text := petition.due_text(field))}

    @staticmethod
    def resolve_overdue(petition):
        return petition.is_overdue(timezone.localdate())


class PetitionDetailOut(PetitionOut):
    events: list[PetitionEventOut]

    @staticmethod
    def resolve_events(petition):
        return list(petition.events.select_related("by").order_by("at", "pk"))


class PetitionFilter(Schema):
    region: Text(12) = ""
    held: Text(8) = ""  # "received": those received at the region's offices and carried up (read only), as the page
    state: Text(16) = ""
    category: Text(16) = ""
    overdue: bool = False
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PetitionIn(Schema):
    region_code: Text(12) = ""  # the office recording it: the caller's own by default
    received_on: datetime.date
    channel: Text(8)
    category: Text(16)
    petitioner_name: Text(50)
    petitioner_id_number: Text(20) = ""
    petitioner_phone: Text(20) = ""
    petitioner_address: Text(100) = ""
    subject: Text(100)
    summary: Text(2000, lines=True)
    employer_name: Text(100) = ""
    employer_uscc: Text(18) = ""
    workers_count: int = Field(1, ge=1, le=services.MAX_WORKERS)
    amount_claimed: Decimal | None = Field(None, ge=0, le=services.MAX_AMOUNT, decimal_places=2)
    repeat_of_id: Id | None = None
    # true: the caller checked the earlier similar petitions and this one is not a repeat (as the page asks)
    not_repeat: bool = False


class PetitionDecisionIn(Schema):
    decision: Text(12)
    decided_on: datetime.date
    forwarded_to: Text(100) = ""
    reason: Text(500, lines=True) = ""


class PetitionExtensionIn(Schema):
    days: int = Field(ge=1, le=365)
    reason: Text(500, lines=True)


class PetitionReplyIn(Schema):
    text: Text(2000, lines=True)
    replied_on: datetime.date


class PetitionReviewRequestIn(Schema):
    requested_on: datetime.date
    text: Text(1000, lines=True)


class PetitionOpinionIn(Schema):
    opinion: Text(2000, lines=True)
    decided_on: datetime.date


def _petition(request, petition_id):
    return scoping.get_visible_or_404(Petition.objects.select_related("received_by"), request.user, pk=petition_id)


@router.get("/supervision/petitions", response=list[PetitionOut],
            summary="信访件（本辖区，可按区域、状态、类别、超期筛选；公民身份号码已遮蔽）")
def list_petitions(request, filters: Query[PetitionFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    if filters.held not in ("", "received"):
        raise HttpError(422, "held 只能是 received（本站登记、已上报的）或不填。")
    if filters.state and filters.state not in (*PetitionState.values, "open"):
        raise HttpError(422, f"状态只能是：open、{'、'.join(PetitionState.values)}。")
    rows = selectors.ledger(request.user, region, timezone.localdate(), state=filters.state, held=filters.held)
    if filters.category:
        if filters.category not in PetitionCategory.values:
            raise HttpError(422, f"问题类别只能是：{'、'.join(PetitionCategory.values)}。")
        rows = rows.filter(category=filters.category)
    if filters.overdue:
        rows = rows.filter(selectors.overdue_q(timezone.localdate()))
    return list(rows.order_by("-received_on", "-pk")[filters.offset: filters.offset + filters.limit])


@router.post("/supervision/petitions", response={201: PetitionDetailOut},
             summary="登记信访事项（首问负责：登记人为首问负责人；受理期限自收到之日起算）")
def create_petition(request, body: PetitionIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    if body.region_code:
        office = scoping.get_region_or_404(request.user, body.region_code)
    else:
        office = scoping.scope_of(request.user).region
        if office is None:
            raise HttpError(403, "您的账号没有所属区域，不能登记信访事项。")
    # the earlier petition may be one received here and since held above (read only here), as the 409 lists it
    earlier = selectors.readable(request.user, body.repeat_of_id)[0] if body.repeat_of_id else None
    if earlier is not None and body.not_repeat:
        raise HttpError(422, "repeat_of_id（重复信访的前次信访件）与 not_repeat（不是重复信访）只能填一个。")
    try:
        petition = services.intake(
            actor=request.user, office=office, received_on=body.received_on, channel=body.channel,
            category=body.category, petitioner_name=body.petitioner_name,
            petitioner_id_number=body.petitioner_id_number, petitioner_phone=body.petitioner_phone,
            petitioner_address=body.petitioner_address, subject=body.subject, summary=body.summary,
            employer_name=body.employer_name, employer_uscc=body.employer_uscc, workers_count=body.workers_count,
            amount_claimed=body.amount_claimed, repeat_of=earlier, ask_if_repeat=not body.not_repeat)
    except services.RepeatQuestion as question:  # the page's repeat check (重复信访): nothing recorded
        listed = "、".join(f"{p.number}（id {p.pk}，{p.received_on:%Y-%m-%d}，{p.get_state_display()}）"
                          for p in question.candidates)
        raise HttpError(409, f"该信访人此前有同类信访件：{listed}。是重复信访的请填 repeat_of_id（前次信访件的 id），"
                             "不是的请填 \"not_repeat\": true，再提交。") from None
    return Status(201, petition)


@router.get("/supervision/petitions/{petition_id}", response=PetitionDetailOut,
            summary="一件信访件及其办理记录（首次接待的村(社区)等登记机关对已上报的信访件只读）")
def get_petition(request, petition_id: ObjectId):
    check_permission(request.user, SUPERVISION_VIEW)
    petition, _held = selectors.readable(request.user, petition_id)  # as the page: the first receiver reads it
    return petition


@router.post("/supervision/petitions/{petition_id}/decision", response=PetitionDetailOut,
             summary="受理决定：accept 受理、forward 转送（forwarded_to 必填）、not_accept 不予受理（reason 必填）")
def decide(request, petition_id: ObjectId, body: PetitionDecisionIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    return services.decide(actor=request.user, petition=_petition(request, petition_id), decision=body.decision,
                           decided_on=body.decided_on, forwarded_to=body.forwarded_to, reason=body.reason)


@router.post("/supervision/petitions/{petition_id}/extension", response=PetitionDetailOut,
             summary="延长办理期限（须经本机关负责人批准：由承办机关的乡镇(街道)审核员、县(区)审批员或市管理员登记；"
                     "限一次，不超过法定天数，须写明理由）")
def extend(request, petition_id: ObjectId, body: PetitionExtensionIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    petition = _petition(request, petition_id)
    try:
        return services.extend(actor=request.user, petition=petition, days=body.days, reason=body.reason)
    except PermissionDenied as error:  # not the office's leader: 403 saying who approves (信访工作条例 art. 32)
        raise HttpError(403, str(error)) from None


@router.post("/supervision/petitions/{petition_id}/reply", response=PetitionDetailOut,
             summary="办结答复（须有答复意见；生成评价码）")
def reply(request, petition_id: ObjectId, body: PetitionReplyIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    return services.reply(actor=request.user, petition=_petition(request, petition_id), text=body.text,
                          replied_on=body.replied_on)


@router.post("/supervision/petitions/{petition_id}/review-request", response=PetitionDetailOut,
             summary="登记复查请求（由答复机关的上一级机关登记，须在收到答复意见之日起法定期限内）")
def request_review(request, petition_id: ObjectId, body: PetitionReviewRequestIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    return services.request_review(actor=request.user, petition=_petition(request, petition_id),
                                   requested_on=body.requested_on, text=body.text)


@router.post("/supervision/petitions/{petition_id}/review", response=PetitionDetailOut,
             summary="复查意见（只由受理复查请求、现承办该信访件的机关登记；上级机关不能代为作出）")
def review(request, petition_id: ObjectId, body: PetitionOpinionIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    try:
        return services.decide_review(actor=request.user, petition=_petition(request, petition_id),
                                      opinion=body.opinion, decided_on=body.decided_on)
    except PermissionDenied as error:  # an office above the one the review was asked of: 403 saying whose it is
        raise HttpError(403, str(error)) from None


@router.post("/supervision/petitions/{petition_id}/recheck", response=PetitionDetailOut,
             summary="复核意见（只由受理复核请求、现承办该信访件的机关登记；上级机关不能代为作出）")
def recheck(request, petition_id: ObjectId, body: PetitionOpinionIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    try:
        return services.decide_recheck(actor=request.user, petition=_petition(request, petition_id),
                                       opinion=body.opinion, decided_on=body.decided_on)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
