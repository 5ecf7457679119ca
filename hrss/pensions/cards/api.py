"""The cards part's API operations, each with its whole path under /api/v1/pensions/: the applications (list, one,
apply with the photo as base64), hand-over, activation and loss of a card, a county's batch, its card numbers and
its arrival. The photo itself is not in any answer (it is seen on the card's page only)."""

import base64
import binascii
import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.pensions.cards import rules, selectors, services
from hrss.pensions.models import CardApplication, CardBatch
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.models import Person

router = Router(tags=["社会保险服务"])

# base64 makes 3 bytes 4 characters: the largest photo any rule allows, as text.
MAX_PHOTO_CHARS = (max(rule.max_bytes for _day, rule in rules.PHOTO) + 2) // 3 * 4


class CardOut(Schema):
    id: int
    person_id: int
    person_name: str
    region_code: str
    applied_on: datetime.date
    state: str
    state_label: str
    reason: str
    replaces_id: int | None
    batch_id: int | None
    card_number: str
    handed_over_on: datetime.date | None
    received_by: str
    received_relation: str
    activated_on: datetime.date | None
    lost_on: datetime.date | None
    cancelled_on: datetime.date | None

    @staticmethod
    def resolve_person_name(application):
        return application.person.name

    @staticmethod
    def resolve_state_label(application):
        return application.get_state_display()


class CardIn(Schema):
    person_id: Id
    # Base64 letters only (a data: URL prefix allowed): a control or invisible character is refused here, in Chinese.
    photo_base64: str = Field(max_length=MAX_PHOTO_CHARS + 40, pattern=r"^(data:image/[a-z]+;base64,)?[A-Za-z0-9+/=\r\n]*$")
    id_seen: bool
    renewal: bool = False
    note: Text(200) = ""


class HandOverIn(Schema):
    received_by: Text(50)
    relation: Text(20) = ""
    on: datetime.date


class DayIn(Schema):
    on: datetime.date


class BatchIn(Schema):
    county_code: Text(12)


class BatchOut(Schema):
    id: int
    region_code: str
    number: str
    state: str
    created_on: datetime.date
    sent_on: datetime.date
    made_on: datetime.date | None
    arrived_on: datetime.date | None
    card_count: int

    @staticmethod
    def resolve_card_count(batch):
        return batch.applications.count()


class NumbersIn(Schema):
    numbers: dict[Id, Text(20)] = Field(max_length=5000)


class CardFilter(Schema):
    region: Text(12) = ""
    state: Text(12) = ""
    batch_id: int | None = Field(None, ge=1, le=2**63 - 1)
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def _card(request, pk):
    return scoping.get_visible_or_404(CardApplication.objects.defer("photo").select_related("person", "batch"),
                                      request.user, pk=pk)


def _today():
    return timezone.localdate()


@router.get("/pensions/cards", response=list[CardOut], summary="社保卡台账（本辖区，可按区域、状态、批次筛选，新的在前）")
def list_cards(request, filters: Query[CardFilter]):
    check_permission(request.user, PENSIONS_VIEW)
    if filters.state and filters.state not in selectors.GROUPS:
        raise ValidationError(f"状态只能是：{'、'.join(selectors.GROUPS)}。")
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    batch = scoping.get_visible_or_404(CardBatch, request.user, pk=filters.batch_id) if filters.batch_id else None
    rows = selectors.ledger(request.user, region, state=filters.state, batch=batch)
    return list(rows[filters.offset: filters.offset + filters.limit])


@router.get("/pensions/cards/{card_id}", response=CardOut, summary="一张社保卡申领的状态")
def get_card(request, card_id: ObjectId):
    check_permission(request.user, PENSIONS_VIEW)
    return _card(request, card_id)


@router.post("/pensions/cards", response={201: CardOut},
             summary="社保卡申领（村(社区)协理员受理；照片为JPEG或PNG的base64，须已核验身份证）")
def apply(request, body: CardIn):
    check_permission(request.user, PENSIONS_HANDLE)
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    try:
        photo = base64.b64decode(body.photo_base64.split(",")[-1], validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError("照片应为JPEG或PNG文件的base64编码。") from None
    application = services.apply(actor=request.user, person=person, photo=photo, id_seen=body.id_seen,
                                 renewal=body.renewal, note=body.note, today=_today())
    return Status(201, _card(request, application.pk))


@router.post("/pensions/cards/{card_id}/handover", response=CardOut, summary="发放社保卡（本人或代领，领取人签名）")
def hand_over(request, card_id: ObjectId, body: HandOverIn):
    check_permission(request.user, PENSIONS_HANDLE)
    application = _card(request, card_id)
    services.hand_over(actor=request.user, application=application, received_by=body.received_by,
                       relation=body.relation, on=body.on, today=_today())
    return _card(request, card_id)


@router.post("/pensions/cards/{card_id}/activate", response=CardOut, summary="登记社保卡激活")
def activate(request, card_id: ObjectId, body: DayIn):
    check_permission(request.user, PENSIONS_HANDLE)
    services.activate(actor=request.user, application=_card(request, card_id), on=body.on, today=_today())
    return _card(request, card_id)


@router.post("/pensions/cards/{card_id}/loss", response=CardOut, summary="挂失社保卡（之后可申请补领）")
def report_loss(request, card_id: ObjectId, body: DayIn):
    check_permission(request.user, PENSIONS_HANDLE)
    services.report_loss(actor=request.user, application=_card(request, card_id), on=body.on, today=_today())
    return _card(request, card_id)


@router.post("/pensions/card-batches", response={201: BatchOut},
             summary="组批送制（县(区)经办：本县(区)所有待制卡的申领组成一个批次）")
def make_batch(request, body: BatchIn):
    check_permission(request.user, PENSIONS_HANDLE)
    region = scoping.get_region_or_404(request.user, body.county_code)
    batch = services.make_batch(actor=request.user, county_code=region.code, today=_today())
    return Status(201, batch)


@router.post("/pensions/card-batches/{batch_id}/made", response=BatchOut,
             summary="登记制卡结果（申领编号 → 社保卡号）")
def record_made(request, batch_id: ObjectId, body: NumbersIn):
    check_permission(request.user, PENSIONS_HANDLE)
    batch = scoping.get_visible_or_404(CardBatch, request.user, pk=batch_id)
    services.record_made(actor=request.user, batch=batch, numbers=body.numbers, today=_today())
    return CardBatch.objects.get(pk=batch.pk)


@router.post("/pensions/card-batches/{batch_id}/arrival", response=BatchOut, summary="登记批次到达网点")
def record_arrival(request, batch_id: ObjectId, body: DayIn):
    check_permission(request.user, PENSIONS_HANDLE)
    batch = scoping.get_visible_or_404(CardBatch, request.user, pk=batch_id)
    return services.record_arrival(actor=request.user, batch=batch, on=body.on, today=_today())
