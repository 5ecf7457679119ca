"""The retirees part's API operations, each with its whole path under /api/v1/pensions/: the retirees of a region
and registering one, a retiree, receiving their files, recording a visit, recording an activity."""

import datetime
from decimal import Decimal

from django.http import Http404
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, ObjectId, Text
from hrss.core.permissions import check_permission
from hrss.pensions.models import Retiree, RetireeActivity, RetireeState, RetireeVisit
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.pensions.retirees import selectors, services
from hrss.residents.models import Person

router = Router(tags=["社会保险服务"])


class RetireeOut(Schema):
    id: int
    person_id: int
    name: str
    id_number_masked: str
    region_code: str
    employer_name: str
    employer_code: str
    retired_on: datetime.date
    pension_amount: Decimal
    state: str
    managed_since: datetime.date | None
    files_received_on: datetime.date | None
    died_on: datetime.date | None
    moved_out_on: datetime.date | None
    needs_care: bool
    health_note: str

    @staticmethod
    def resolve_name(retiree):
        return retiree.person.name

    @staticmethod
    def resolve_id_number_masked(retiree):
        return retiree.person.masked_id_number


class RetireeIn(Schema):
    person_id: Id
    employer_name: Text(100)
    employer_code: Text(18) = ""
    retired_on: datetime.date
    pension_amount: Decimal = Field(ge=0, le=Decimal("99999999.99"), decimal_places=2)
    phone: Text(20) = ""


class RetireeFilter(Schema):
    region: Text(12) = ""
    state: Text(12) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class FilesIn(Schema):
    on: datetime.date


class VisitIn(Schema):
    visited_on: datetime.date
    kind: Text(8)
    note: Text(500, lines=True)


class VisitOut(Schema):
    id: int
    retiree_id: int
    region_code: str
    visited_on: datetime.date
    kind: str
    note: str
    by_id: int


class ActivityIn(Schema):
    region_code: Text(12)
    held_on: datetime.date
    title: Text(100)
    kind: Text(12)
    participant_ids: list[Id] = Field(default_factory=list, max_length=500)
    participant_count: int | None = Field(None, ge=0, le=100000)
    note: Text(500, lines=True) = ""


class ActivityOut(Schema):
    id: int
    region_code: str
    held_on: datetime.date
    title: str
    kind: str
    participant_count: int
    participant_ids: list[int]
    note: str

    @staticmethod
    def resolve_participant_ids(activity):
        return sorted(activity.participants.values_list("pk", flat=True))


def _retiree(request, retiree_id):
    return scoping.get_visible_or_404(Retiree.objects.select_related("person"), request.user, pk=retiree_id)


@router.get("/pensions/retirees", response=list[RetireeOut],
            summary="企业退休人员（本辖区，可按区域、状态筛选；公民身份号码已遮蔽）")
def list_retirees(request, filters: Query[RetireeFilter]):
    check_permission(request.user, PENSIONS_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    rows = selectors.retirees(request.user, region)
    if filters.state:
        if filters.state not in RetireeState.values:
            raise HttpError(422, f"状态只能是：{'、'.join(RetireeState.values)}。")
        rows = rows.filter(state=filters.state)
    return list(rows.order_by("region_code", "pk")[filters.offset: filters.offset + filters.limit])


@router.post("/pensions/retirees", response={201: RetireeOut},
             summary="登记企业退休人员（人员须已在本辖区人员台账；就业状态记为退休）")
def register_retiree(request, body: RetireeIn):
    check_permission(request.user, PENSIONS_HANDLE)
    person = scoping.get_visible_or_404(Person, request.user, pk=body.person_id)
    retiree = services.register(actor=request.user, person=person, employer_name=body.employer_name,
                                employer_code=body.employer_code, retired_on=body.retired_on,
                                pension_amount=body.pension_amount, phone=body.phone)
    return Status(201, retiree)


@router.get("/pensions/retirees/{retiree_id}", response=RetireeOut, summary="一名企业退休人员")
def get_retiree(request, retiree_id: ObjectId):
    check_permission(request.user, PENSIONS_VIEW)
    return _retiree(request, retiree_id)


@router.post("/pensions/retirees/{retiree_id}/files", response=RetireeOut,
             summary="接收档案（档案移交社区，纳入社会化管理）")
def receive_files(request, retiree_id: ObjectId, body: FilesIn):
    check_permission(request.user, PENSIONS_HANDLE)
    return services.receive_files(actor=request.user, retiree=_retiree(request, retiree_id), on=body.on)


@router.post("/pensions/retirees/{retiree_id}/visits", response={201: VisitOut},
             summary="登记走访（上门 home 或电话 phone；走访人为本人）")
def record_visit(request, retiree_id: ObjectId, body: VisitIn):
    check_permission(request.user, PENSIONS_HANDLE)
    visit = services.record_visit(actor=request.user, retiree=_retiree(request, retiree_id),
                                  visited_on=body.visited_on, kind=body.kind, note=body.note)
    return Status(201, RetireeVisit.objects.get(pk=visit.pk))


@router.post("/pensions/retiree-activities", response={201: ActivityOut},
             summary="登记退休人员活动（举办的村(社区)或乡镇(街道)，参加的退休人员或人数）")
def record_activity(request, body: ActivityIn):
    check_permission(request.user, PENSIONS_HANDLE)
    region = scoping.get_region_or_404(request.user, body.region_code)
    participants = list(scoping.visible_to(request.user, Retiree.objects.filter(pk__in=body.participant_ids))
                        .select_related("person"))
    if len(participants) != len(set(body.participant_ids)):
        raise Http404  # a retiree outside the scope is not found
    activity = services.record_activity(actor=request.user, region=region, held_on=body.held_on, title=body.title,
                                        kind=body.kind, participants=participants,
                                        participant_count=body.participant_count, note=body.note)
    return Status(201, RetireeActivity.objects.get(pk=activity.pk))
