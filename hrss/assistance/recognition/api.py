"""The recognition part's API operations, each with its whole path under /api/v1/ (hrss/api/urls.py mounts the
router): recognitions listed and read, the intake, a move on the review, an objection during the notice, an exit.
Objects are reached through core.scoping (out of scope is 404); the services check permission and role."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.assistance.models import Recognition
from hrss.assistance.permissions import ASSISTANCE_VIEW
from hrss.assistance.recognition import selectors, services
from hrss.core import review, scoping
from hrss.core.api_fields import Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.residents.models import Person

router = Router(tags=["就业援助"])


class RecognitionCaseOut(Schema):
    status: str
    step: str
    due_date: datetime.date | None
    version: int


class RecognitionOut(Schema):
    id: int
    number: str
    person_id: int
    region_code: str
    category: str
    documents: list[str]
    applied_on: datetime.date
    status: str
    notice_from: datetime.date | None
    notice_until: datetime.date | None
    recognised_on: datetime.date | None
    valid_until: datetime.date | None
    next_review_on: datetime.date | None
    exited_on: datetime.date | None
    exit_reason: str
    case: RecognitionCaseOut


class RecognitionFilters(Schema):
    region: Text(12) = ""
    status: Text(20) = ""  # a state of the list page: in_review, in_notice, recognised, reviews_due, expired, ...
    offset: int = Field(default=0, ge=0, le=1_000_000)
    limit: int = Field(default=100, ge=1, le=500)


class RecognitionIn(Schema):
    person_id: Id
    category: Text(40)
    documents: list[Text(50)] = Field(max_length=20)
    circumstances: Text(300, lines=True) = ""
    phone: Text(20) = ""
    note: Text(500, lines=True) = ""


class MoveIn(Schema):
    action: Text(16)
    version: Id
    reason: Text(500, lines=True) = ""
    notice_place: Text(100) = ""


class ObjectionIn(Schema):
    content: Text(500, lines=True)
    raised_by: Text(50) = ""
    raised_on: datetime.date | None = None


class ObjectionOut(Schema):
    id: int
    recognition_id: int
    raised_on: datetime.date
    raised_by: str
    content: str
    resolved_on: datetime.date | None
    upheld: bool | None


class ExitIn(Schema):
    reason: Text(20)
    exited_on: datetime.date
    note: Text(200) = ""


def _recognition(request, recognition_id):
    return scoping.get_visible_or_404(Recognition.objects.select_related("case", "person"), request.user,
                                      pk=recognition_id)


@router.get("/assistance/recognitions", response=list[RecognitionOut],
            summary="就业困难人员认定（可按地区 ?region、状态 ?status 筛选）")
def list_recognitions(request, filters: Query[RecognitionFilters]):
    check_permission(request.user, ASSISTANCE_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    if filters.status and filters.status not in selectors.STATES:
        raise ValidationError(f"状态“{filters.status}”无效，可选：{'、'.join(selectors.STATES)}。")
    found = selectors.filtered(request.user, region, timezone.localdate(), state=filters.status)
    return list(found[filters.offset:filters.offset + filters.limit])


@router.get("/assistance/recognitions/{recognition_id}", response=RecognitionOut, summary="查询一份就业困难人员认定")
def get_recognition(request, recognition_id: ObjectId):
    check_permission(request.user, ASSISTANCE_VIEW)
    return _recognition(request, recognition_id)


@router.post("/assistance/recognitions", response={201: RecognitionOut},
             summary="受理就业困难人员认定申请（村受理初审，报乡镇审核）")
def apply(request, body: RecognitionIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    recognition = services.apply_for_recognition(
        actor=request.user, person=person, category=body.category, documents=body.documents,
        circumstances=body.circumstances, phone=body.phone, note=body.note)
    return Status(201, recognition)


@router.post("/assistance/recognitions/{recognition_id}/moves", response=RecognitionOut,
             summary="办理一个环节：forward（乡镇审核通过即开始公示；公示期满报县）、approve、return、reject、resubmit、"
                     "withdraw")
def move(request, recognition_id: ObjectId, body: MoveIn):
    recognition = _recognition(request, recognition_id)
    try:
        return services.decide_recognition(actor=request.user, recognition=recognition, action=body.action,
                                           version=body.version, reason=body.reason, notice_place=body.notice_place)
    except review.CaseChanged as error:
        raise HttpError(409, str(error)) from None
    except review.MoveRefused as error:
        raise ValidationError(str(error)) from None


@router.post("/assistance/recognitions/{recognition_id}/objections", response={201: ObjectionOut},
             summary="登记公示异议（公示期内；处理前不能报县审批）")
def object_to(request, recognition_id: ObjectId, body: ObjectionIn):
    recognition = _recognition(request, recognition_id)
    objection = services.record_objection(actor=request.user, recognition=recognition, content=body.content,
                                          raised_by=body.raised_by, raised_on=body.raised_on)
    return Status(201, objection)


@router.post("/assistance/recognitions/{recognition_id}/exit", response=RecognitionOut,
             summary="就业困难人员退出（原因与日期）")
def exit_recognition(request, recognition_id: ObjectId, body: ExitIn):
    recognition = _recognition(request, recognition_id)
    return services.exit_recognition(actor=request.user, recognition=recognition, reason=body.reason,
                                     exited_on=body.exited_on, note=body.note)
