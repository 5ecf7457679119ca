"""The offices part's API operations, each with its whole path under /api/v1/network/offices: the offices of a
region with their stored standing, one office's compliance (per rule, on a day) and what it recorded, and writes of
those facts. Reads through selectors.py and standards' compliance, writes through services.py: the pages' rules."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import ObjectId, RegionCode, Text
from hrss.core.permissions import check_permission
from hrss.network.models import OfficeEquipment, OfficeRoom, OfficeStaff, OfficeWindow
from hrss.network.offices import selectors, services
from hrss.network.permissions import NETWORK_VIEW
from hrss.network.standards import compliance

router = Router(tags=["平台建设与考核"])


class OfficesRegionQuery(Schema):
    region: Text(12) = ""


class OnQuery(Schema):
    on: datetime.date | None = None


class StandingOut(Schema):
    region_code: str
    name: str
    is_central_town: bool
    recorded: bool
    ok: int | None
    failing: int | None
    unknown: int | None
    failing_rules: list[str]
    computed_on: datetime.date | None


class RegionOfficesOut(Schema):
    region_code: str
    offices: int
    recorded: int
    all_ok: int
    failing: int
    unknown: int
    rows: list[StandingOut]


class ComplianceRuleOut(Schema):
    rule: str
    title: str
    required: str
    actual: str | None
    ok: bool | None


class OfficeStaffOut(Schema):
    id: int
    name: str
    post: str
    employment: str
    monthly_pay: str | None
    is_civil_servant: bool
    paid_for_part_time: bool
    training: str
    left_on: datetime.date | None


class ItemOut(Schema):
    id: int
    kind: str
    name: str
    value: str


class NetworkOfficeOut(Schema):
    region_code: str
    name: str
    nature: str
    address: str
    hours: str
    phone: str
    on: datetime.date
    ok: int
    failing: int
    unknown: int
    rules: list[ComplianceRuleOut]
    staff: list[OfficeStaffOut]
    rooms: list[ItemOut]
    windows: list[ItemOut]
    equipment: list[ItemOut]
    facts: dict
    photos: list[dict]


class OfficeIn(Schema):
    nature: Text(24) = ""
    address: Text(200) = ""
    hours: Text(100) = ""
    phone: Text(20) = ""


class FactsIn(Schema):
    has_sign: bool | None = None
    has_plaque: bool | None = None
    motto_on_wall: bool | None = None
    rules_on_wall: list[Text(20)] | None = None
    publicity_board: bool | None = None
    suggestion_box: bool | None = None
    info_board: bool | None = None
    network_connected: bool | None = None
    network_kind: Text(50) = ""
    software_used: bool | None = None


class StaffIn(Schema):
    name: Text(30)
    employment: Text(16)
    post: Text(50) = ""
    monthly_pay: Text(20) = ""
    is_civil_servant: bool = False
    paid_for_part_time: bool = False
    training: Text(200) = ""


class LeaveIn(Schema):
    left_on: datetime.date | None = None


class RoomIn(Schema):
    function: Text(16)
    area: Text(12)
    name: Text(50) = ""


class WindowIn(Schema):
    kind: Text(24)
    name: Text(50) = ""


class EquipmentIn(Schema):
    item: Text(16)
    quantity: int = Field(ge=0, le=9999)  # as many as an office could hold; the table's positive integer
    name: Text(50) = ""


def _refused(call):
    try:
        return call()
    except PermissionDenied as refused:  # the service's reason (who edits which office), not a role's
        raise HttpError(403, str(refused) or "无权限") from None


def _office(request, code):
    """The office of a township or village of the caller's scope (404 outside it), made on first use."""
    check_permission(request.user, NETWORK_VIEW)
    region = scoping.get_region_or_404(request.user, code)
    if region.level not in services.OFFICE_LEVELS:
        raise Http404
    return services.office_for(actor=request.user, region=region), region


def _staff_out(s):
    return {"id": s.pk, "name": s.name, "post": s.post, "employment": s.employment,
            "monthly_pay": None if s.monthly_pay is None else str(s.monthly_pay),
            "is_civil_servant": s.is_civil_servant, "paid_for_part_time": s.paid_for_part_time,
            "training": s.training, "left_on": s.left_on}


def _money(value):
    return str(Decimal(value).normalize()) if value is not None else ""


@router.get("/network/offices", response=RegionOfficesOut,
            summary="区域内各乡镇(街道)服务所、村(社区)服务站的八统一达标情况（存储的汇总；未建档的计为未登记）")
def region_offices(request, query: Query[OfficesRegionQuery]):
    check_permission(request.user, NETWORK_VIEW)
    region = scoping.get_region_or_404(request.user, query.region) if query.region else scoping.scope_of(
        request.user).region
    if region is None:
        raise Http404
    rows = []
    for place, standing in selectors.office_regions(request.user, region):
        rows.append({"region_code": place.code, "name": place.name, "is_central_town": place.is_central_town,
                     "recorded": standing is not None, "ok": getattr(standing, "ok", None),
                     "failing": getattr(standing, "failing", None), "unknown": getattr(standing, "unknown", None),
                     "failing_rules": list(getattr(standing, "failing_rules", None) or []),
                     "computed_on": getattr(standing, "computed_on", None)})
    return {"region_code": region.code, **selectors.summary_under(region), "rows": rows}


@router.get("/network/offices/{code}", response=NetworkOfficeOut,
            summary="一个服务机构逐项的八统一达标情况（on：按此日现行标准）及其登记的人员、场所、窗口、设备、标识与联网")
def office_detail(request, code: RegionCode, query: Query[OnQuery]):
    office, region = _office(request, code)
    on = query.on or timezone.localdate()
    result = compliance.check(office, on)
    facts = office.facts if hasattr(office, "facts") else None
    return {
        "region_code": office.region_code, "name": region.name, "nature": office.nature, "address": office.address,
        "hours": office.hours, "phone": office.phone, "on": on, "ok": result.ok, "failing": result.failing,
        "unknown": result.unknown,
        "rules": [{"rule": r.rule, "title": r.title, "required": r.required, "actual": r.actual, "ok": r.ok}
                  for r in result.results],
        "staff": [_staff_out(s) for s in office.staff.order_by("pk")],
        "rooms": [{"id": r.pk, "kind": r.function, "name": r.name, "value": _money(r.area)}
                  for r in office.rooms.order_by("pk")],
        "windows": [{"id": w.pk, "kind": w.kind, "name": w.name, "value": ""} for w in office.windows.order_by("pk")],
        "equipment": [{"id": e.pk, "kind": e.item, "name": e.name, "value": str(e.quantity)}
                      for e in office.equipment.order_by("pk")],
        "facts": {field: getattr(facts, field) if facts else None for field in services.FACT_FIELDS},
        "photos": [{"id": p.pk, "subject": p.subject, "caption": p.caption, "content_type": p.content_type,
                    "taken_on": p.taken_on.isoformat()} for p in office.photos.defer("content").order_by("pk")],
    }


@router.patch("/network/offices/{code}", response=dict, summary="修改服务机构基本情况（机构性质、地址、办公时间、电话）")
def update_office(request, code: RegionCode, body: OfficeIn):
    office, _region = _office(request, code)
    changed = _refused(lambda: services.update_office(actor=request.user, office=office, **body.dict()))
    return {"changed": changed}


@router.put("/network/offices/{code}/facts", response=dict,
            summary="登记标识、牌匾、上墙、宣传栏、联网与软件情况（null：未核实；rules_on_wall：上墙制度的代码）")
def record_facts(request, code: RegionCode, body: FactsIn):
    office, _region = _office(request, code)
    changed = _refused(lambda: services.record_facts(actor=request.user, office=office, **body.dict()))
    return {"changed": changed}


@router.post("/network/offices/{code}/staff", response={201: OfficeStaffOut}, summary="登记服务机构工作人员")
def add_staff(request, code: RegionCode, body: StaffIn):
    office, _region = _office(request, code)
    staff = _refused(lambda: services.add_staff(actor=request.user, office=office, **body.dict()))
    return Status(201, _staff_out(staff))


def _staff(request, office, staff_id):
    return scoping.get_visible_or_404(OfficeStaff.objects.filter(office=office), request.user, pk=staff_id)


@router.patch("/network/offices/{code}/staff/{staff_id}", response=OfficeStaffOut, summary="更新工作人员情况")
def update_staff(request, code: RegionCode, staff_id: ObjectId, body: StaffIn):
    office, _region = _office(request, code)
    staff = _staff(request, office, staff_id)
    _refused(lambda: services.update_staff(actor=request.user, staff=staff, **body.dict()))
    return _staff_out(OfficeStaff.objects.get(pk=staff.pk))


@router.post("/network/offices/{code}/staff/{staff_id}/leave", response=OfficeStaffOut, summary="登记工作人员离岗")
def staff_left(request, code: RegionCode, staff_id: ObjectId, body: LeaveIn):
    office, _region = _office(request, code)
    staff = _staff(request, office, staff_id)
    _refused(lambda: services.staff_left(actor=request.user, staff=staff, left_on=body.left_on))
    return _staff_out(OfficeStaff.objects.get(pk=staff.pk))


@router.post("/network/offices/{code}/rooms", response={201: ItemOut}, summary="登记服务场所及面积（平方米）")
def add_room(request, code: RegionCode, body: RoomIn):
    office, _region = _office(request, code)
    room = _refused(lambda: services.add_room(actor=request.user, office=office, **body.dict()))
    return Status(201, {"id": room.pk, "kind": room.function, "name": room.name, "value": _money(room.area)})


@router.post("/network/offices/{code}/windows", response={201: ItemOut}, summary="登记服务窗口")
def add_window(request, code: RegionCode, body: WindowIn):
    office, _region = _office(request, code)
    window = _refused(lambda: services.add_window(actor=request.user, office=office, **body.dict()))
    return Status(201, {"id": window.pk, "kind": window.kind, "name": window.name, "value": ""})


@router.post("/network/offices/{code}/equipment", response={201: ItemOut}, summary="登记办公设备及数量")
def add_equipment(request, code: RegionCode, body: EquipmentIn):
    office, _region = _office(request, code)
    row = _refused(lambda: services.add_equipment(actor=request.user, office=office, **body.dict()))
    return Status(201, {"id": row.pk, "kind": row.item, "name": row.name, "value": str(row.quantity)})


def _remove(request, code, model, item_id):
    office, _region = _office(request, code)
    item = scoping.get_visible_or_404(model.objects.filter(office=office), request.user, pk=item_id)
    _refused(lambda: services.remove_item(actor=request.user, item=item))
    return Status(204, None)


@router.delete("/network/offices/{code}/rooms/{item_id}", response={204: None}, summary="删除服务场所的登记")
def remove_room(request, code: RegionCode, item_id: ObjectId):
    return _remove(request, code, OfficeRoom, item_id)


@router.delete("/network/offices/{code}/windows/{item_id}", response={204: None}, summary="删除服务窗口的登记")
def remove_window(request, code: RegionCode, item_id: ObjectId):
    return _remove(request, code, OfficeWindow, item_id)


@router.delete("/network/offices/{code}/equipment/{item_id}", response={204: None}, summary="删除办公设备的登记")
def remove_equipment(request, code: RegionCode, item_id: ObjectId):
    return _remove(request, code, OfficeEquipment, item_id)
