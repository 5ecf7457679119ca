import datetime

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Id, ObjectId, Text
from hrss.core.models import Level
from hrss.core.permissions import check_permission
from hrss.residents import selectors, services
from hrss.residents.models import LabourStatus, Person
from hrss.residents.permissions import RESIDENT_VIEW

router = Router(tags=["劳动力资源台账"])


class PersonOut(Schema):
    id: int
    id_number_masked: str
    name: str
    sex: str
    birth_date: datetime.date
    region_code: str
    relation_to_head: str
    labour_status: str
    labour_status_label: str
    status_detail: str
    status_since: datetime.date | None
    version: int

    @staticmethod
    def resolve_id_number_masked(obj):
        return obj.masked_id_number

    @staticmethod
    def resolve_labour_status_label(obj):
        return obj.status_label


class SearchIn(Schema):
    """Search terms travel in the body, never in a URL (URLs end up in logs and browser history)."""

    query: Text(50) = ""  # a name (50 characters at most) or digits of an ID number
    region_code: Text(12) | None = None
    labour_status: Text(16) | None = None
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class SearchOut(Schema):
    count: int
    results: list[PersonOut]


class PersonIn(Schema):
    id_number: Text(18)
    name: Text(50)
    village_code: Text(12)
    labour_status: Text(16) = LabourStatus.OTHER
    status_detail: Text(20) = ""
    status_since: datetime.date | None = None
    relation_to_head: Text(16) = ""
    head_id_number: Text(18) = ""
    phone: Text(20) = ""


class StatusIn(Schema):
    labour_status: Text(16)
    status_detail: Text(20) = ""
    effective_date: datetime.date
    note: Text(200, lines=True) = ""
    version: Id | None = None


class StatusOut(Schema):
    person: PersonOut
    warnings: list[str]


def _person(request, person_id):
    return scoping.get_visible_or_404(Person, request.user, pk=person_id)


@router.post("/search", response=SearchOut, summary="按姓名或身份证号（末几位或完整）查找人员")
def search_people(request, body: SearchIn, response: HttpResponse):
    check_permission(request.user, RESIDENT_VIEW)
    # Personal data that nobody needs repeated: kept by no cache, and by no Idempotency-Key replay.
    response["Cache-Control"] = "no-store"
    region = scoping.get_region_or_404(request.user, body.region_code) if body.region_code else None
    people = selectors.search_people(request.user, region=region, query=body.query, status=body.labour_status or "")
    return {"count": people.count(), "results": list(people[body.offset: body.offset + body.limit])}


@router.get("/{person_id}", response=PersonOut, summary="查询一名人员")
def get_person(request, person_id: ObjectId):
    check_permission(request.user, RESIDENT_VIEW)
    return _person(request, person_id)


@router.post("", response={201: StatusOut}, summary="登记人员")
def register_person(request, body: PersonIn):
    village = scoping.get_region_or_404(request.user, body.village_code)
    if village.level != Level.VILLAGE:
        raise HttpError(422, "人员必须登记在村(社区)。")
    person, warnings = services.register_person(
        actor=request.user, id_number=body.id_number, name=body.name, village=village, status=body.labour_status,
        status_detail=body.status_detail, status_since=body.status_since, head_id_number=body.head_id_number,
        relation_to_head=body.relation_to_head, phone=body.phone)
    return Status(201, {"person": person, "warnings": warnings})


@router.post("/{person_id}/status", response=StatusOut, summary="记录就业状态变动")
def change_status(request, person_id: ObjectId, body: StatusIn):
    person = _person(request, person_id)
    if body.labour_status not in LabourStatus.values:
        raise ValidationError(f"就业状态应为：{'、'.join(LabourStatus.values)}")
    try:
        _event, warnings = services.record_status_change(
            actor=request.user, person=person, status=body.labour_status, detail=body.status_detail,
            effective_date=body.effective_date, note=body.note, version=body.version)
    except services.StaleVersion:
        raise HttpError(409, "该人员信息已被他人修改，请重新读取后再提交。") from None
    return {"person": person, "warnings": warnings}



