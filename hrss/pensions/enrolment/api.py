"""The enrolment part's API operations, each with its whole path under /api/v1/pensions/: enrolments listed and
read, the intake, documents handed in later, a tier change, a termination and a transfer out of the city. Objects
are reached through core.scoping (out of scope is 404); the services check permission and scope."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.pensions.enrolment import selectors, services
from hrss.pensions.models import Enrolment
from hrss.pensions.permissions import PENSIONS_VIEW
from hrss.residents.models import Person

router = Router(tags=["社会保险服务"])


class EnrolmentOut(Schema):
    id: int
    person_id: int
    region_code: str
    scheme: str
    tier: Decimal
    state: str
    received_on: datetime.date
    documents: list[str]
    missing_documents: list[str]
    documents_complete_on: datetime.date | None
    enrolled_on: datetime.date | None
    ended_on: datetime.date | None
    end_reason: str
    end_note: str

    @staticmethod
    def resolve_missing_documents(enrolment):
        return [code for code, _name in services.missing_documents(enrolment.documents, timezone.localdate())] \
            if enrolment.state == "pending" else []


class EnrolmentFilters(Schema):
    region: Text(12) = ""
    state: Text(12) = ""
    scheme: Text(4) = ""
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)
    limit: int = Field(default=100, ge=1, le=MAX_PAGE)


class EnrolmentIn(Schema):
    person_id: Id
    tier: Decimal = Field(gt=0, le=1_000_000, max_digits=10, decimal_places=2)
    documents: list[Text(20)] = Field(max_length=20)
    received_on: datetime.date | None = None
    note: Text(200) = ""


class DocumentsIn(Schema):
    documents: list[Text(20)] = Field(max_length=20)
    received_on: datetime.date | None = None


class TierIn(Schema):
    tier: Decimal = Field(gt=0, le=1_000_000, max_digits=10, decimal_places=2)


class TerminateIn(Schema):
    reason: Text(20)
    on: datetime.date
    note: Text(200) = ""


class TransferIn(Schema):
    on: datetime.date
    destination_note: Text(200)


def _enrolment(request, enrolment_id):
    return scoping.get_visible_or_404(Enrolment.objects.select_related("person"), request.user, pk=enrolment_id)


@router.get("/pensions/enrolments", response=list[EnrolmentOut],
            summary="参保登记（本辖区；可按地区 ?region、状态 ?state、险种 ?scheme 筛选，受理日期新的在前）")
def list_enrolments(request, filters: Query[EnrolmentFilters]):
    check_permission(request.user, PENSIONS_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    if filters.state and filters.state not in selectors.STATES:
        raise ValidationError(f"状态“{filters.state}”无效，可选：{'、'.join(selectors.STATES)}。")
    if filters.scheme and filters.scheme not in selectors.SCHEMES:
        raise ValidationError(f"险种“{filters.scheme}”无效，可选：{'、'.join(selectors.SCHEMES)}。")
    found = selectors.enrolments_visible(request.user, region, state=filters.state, scheme=filters.scheme)
    return list(found[filters.offset:filters.offset + filters.limit])


@router.get("/pensions/enrolments/{enrolment_id}", response=EnrolmentOut, summary="查询一份参保登记")
def get_enrolment(request, enrolment_id: ObjectId):
    check_permission(request.user, PENSIONS_VIEW)
    return _enrolment(request, enrolment_id)


@router.post("/pensions/enrolments", response={201: EnrolmentOut},
             summary="参保登记：材料齐全当天办结（active）；不全则受理为待补齐材料（pending），missing_documents 一次性列出所缺材料")
def enrol(request, body: EnrolmentIn):
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    enrolment = services.enrol(actor=request.user, person=person, tier=body.tier, documents=body.documents,
                               note=body.note, received_on=body.received_on)
    return Status(201, enrolment)


@router.post("/pensions/enrolments/{enrolment_id}/documents", response=EnrolmentOut,
             summary="补齐材料（补齐即当天办结）")
def complete_documents(request, enrolment_id: ObjectId, body: DocumentsIn):
    enrolment = _enrolment(request, enrolment_id)
    return services.complete_documents(actor=request.user, enrolment=enrolment, documents=body.documents,
                                       received_on=body.received_on)


@router.post("/pensions/enrolments/{enrolment_id}/tier", response=EnrolmentOut, summary="变更缴费档次")
def change_tier(request, enrolment_id: ObjectId, body: TierIn):
    enrolment = _enrolment(request, enrolment_id)
    return services.change_tier(actor=request.user, enrolment=enrolment, tier=body.tier)


@router.post("/pensions/enrolments/{enrolment_id}/terminate", response=EnrolmentOut,
             summary="终止参保（原因：death、employees_scheme、emigrated、other；日期）")
def terminate(request, enrolment_id: ObjectId, body: TerminateIn):
    enrolment = _enrolment(request, enrolment_id)
    return services.terminate(actor=request.user, enrolment=enrolment, reason=body.reason, on=body.on,
                              note=body.note)


@router.post("/pensions/enrolments/{enrolment_id}/transfer-out", response=EnrolmentOut,
             summary="参保关系转出（户籍迁出本市；市内迁居随人员台账自动转移）")
def transfer_out(request, enrolment_id: ObjectId, body: TransferIn):
    enrolment = _enrolment(request, enrolment_id)
    return services.transfer_out(actor=request.user, enrolment=enrolment, on=body.on,
                                 destination_note=body.destination_note)
