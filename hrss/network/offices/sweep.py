"""The offices part's rows of the scope sweep (merged in hrss/network/sweep.py): every page, API operation and write
service of the part, tried by outsiders against 下城社区's office made here by its own assistant: a staff member, a
room, a window, an equipment row, the facts and a photo."""

import io

from django.utils import timezone
from PIL import Image

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.network.models import (
    Office,
    OfficeEquipment,
    OfficeFacts,
    OfficePhoto,
    OfficeRoom,
    OfficeStaff,
    OfficeStanding,
    OfficeWindow,
)
from hrss.network.offices import services

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]


def _png():
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 120, 10)).save(out, format="PNG")
    return out.getvalue()


def _village():
    return Region.objects.get(code=VILLAGE)


def objects(personas):
    alice = personas["village_assistant"]
    today = timezone.localdate()
    office = services.office_for(actor=alice, region=_village(), today=today)
    staff = services.add_staff(actor=alice, office=office, name="陈协理", employment="welfare_post", monthly_pay="1900",
                               today=today)
    room = services.add_room(actor=alice, office=office, function="windows", area="36", today=today)
    window = services.add_window(actor=alice, office=office, kind="registration", today=today)
    equipment = services.add_equipment(actor=alice, office=office, item="computer", quantity=1, today=today)
    services.record_facts(actor=alice, office=office, network_connected=True, today=today)
    photo = services.add_photo(actor=alice, office=office, upload=_png(), subject="sign", today=today)
    return {"offices_office": office, "offices_staff": staff, "offices_room": room, "offices_window": window,
            "offices_equipment": equipment, "offices_photo": photo}


def state():
    return [Office, OfficeStaff, OfficeRoom, OfficeWindow, OfficeEquipment, OfficeFacts, OfficePhoto.objects.defer(
        "content"), OfficeStanding]


def _office(personas):
    return Office.objects.get(pk=personas["offices_office"].pk)


ROUTE = {"outsiders": BOTH, "query": {}}
REGION = {"outsiders": BOTH, "lists_people": False}
OFFICE = {"pk": "offices_office"}
STAFF = {"name": "越权", "employment": "purchased", "monthly_pay": "1", "post": "越权"}

ROWS = SweepRows(
    list_routes={
        "network:offices-list": ROUTE,
        "network:offices-open": ROUTE,
    },
    region_param_routes={
        "network:offices-list": REGION,
        "network:offices-open": REGION,
    },
    object_routes={
        "network:offices-detail": (OFFICE, BOTH, {}),
        "network:offices-edit": (OFFICE, BOTH, {"address": "越权"}),
        "network:offices-facts": (OFFICE, BOTH, {"has_sign": "no"}),
        "network:offices-staff-add": (OFFICE, BOTH, STAFF),
        "network:offices-staff-edit": ({"pk": "offices_staff"}, BOTH, STAFF),
        "network:offices-staff-leave": ({"pk": "offices_staff"}, BOTH, {"left_on": "2026-01-01"}),
        "network:offices-room-add": (OFFICE, BOTH, {"function": "office", "area": "1"}),
        "network:offices-room-remove": ({"pk": "offices_room"}, BOTH, {}),
        "network:offices-window-add": (OFFICE, BOTH, {"kind": "assistance"}),
        "network:offices-window-remove": ({"pk": "offices_window"}, BOTH, {}),
        "network:offices-equipment-add": (OFFICE, BOTH, {"item": "fax", "quantity": "1"}),
        "network:offices-equipment-remove": ({"pk": "offices_equipment"}, BOTH, {}),
        "network:offices-photo-add": (OFFICE, BOTH, {"subject": "sign"}),
        "network:offices-photo": ({"pk": "offices_photo"}, BOTH, {}),
        "network:offices-photo-remove": ({"pk": "offices_photo"}, BOTH, {}),
    },
    api_reads={
        "/api/v1/network/offices": {"params": {}, "query": {"region": VILLAGE}},
        "/api/v1/network/offices/{code}": {"code": VILLAGE},
    },
    api_writes={
        "PATCH /api/v1/network/offices/{code}": ({"code": VILLAGE}, {"address": "越权"}),
        "PUT /api/v1/network/offices/{code}/facts": ({"code": VILLAGE}, {"has_sign": False}),
        "/api/v1/network/offices/{code}/staff": ({"code": VILLAGE}, STAFF),
        "PATCH /api/v1/network/offices/{code}/staff/{staff_id}": ({"code": VILLAGE, "staff_id": "offices_staff"}, STAFF),
        "/api/v1/network/offices/{code}/staff/{staff_id}/leave": (
            {"code": VILLAGE, "staff_id": "offices_staff"}, {"left_on": "2026-01-01"}),
        "/api/v1/network/offices/{code}/rooms": ({"code": VILLAGE}, {"function": "office", "area": "1"}),
        "/api/v1/network/offices/{code}/windows": ({"code": VILLAGE}, {"kind": "assistance"}),
        "/api/v1/network/offices/{code}/equipment": ({"code": VILLAGE}, {"item": "fax", "quantity": 1}),
        "DELETE /api/v1/network/offices/{code}/rooms/{item_id}": ({"code": VILLAGE, "item_id": "offices_room"}, {}),
        "DELETE /api/v1/network/offices/{code}/windows/{item_id}": (
            {"code": VILLAGE, "item_id": "offices_window"}, {}),
        "DELETE /api/v1/network/offices/{code}/equipment/{item_id}": (
            {"code": VILLAGE, "item_id": "offices_equipment"}, {}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.office_for, lambda p: {"region": _village()}),
        SweepWrite(services.update_office, lambda p: {"office": _office(p), "address": "越权"}),
        SweepWrite(services.add_staff, lambda p: {"office": _office(p), "name": "越权", "employment": "purchased"}),
        SweepWrite(services.update_staff, lambda p: {"staff": OfficeStaff.objects.get(pk=p["offices_staff"].pk),
                                                     "name": "越权", "employment": "purchased"}),
        SweepWrite(services.staff_left, lambda p: {"staff": OfficeStaff.objects.get(pk=p["offices_staff"].pk)}),
        SweepWrite(services.add_room, lambda p: {"office": _office(p), "function": "office", "area": "1"}),
        SweepWrite(services.add_window, lambda p: {"office": _office(p), "kind": "assistance"}),
        SweepWrite(services.add_equipment, lambda p: {"office": _office(p), "item": "fax", "quantity": 1}),
        SweepWrite(services.remove_item, lambda p: {"item": OfficeRoom.objects.get(pk=p["offices_room"].pk)}),
        SweepWrite(services.record_facts, lambda p: {"office": _office(p), "has_sign": False}),
        SweepWrite(services.add_photo, lambda p: {"office": _office(p), "upload": _png(), "subject": "sign"}),
        SweepWrite(services.remove_photo, lambda p: {"photo": OfficePhoto.objects.get(pk=p["offices_photo"].pk)}),
    ],
    services=[services],
    not_swept={
        services.region_problem: "reads",
        services.staff_values: "reads",
        services.refresh_standing: "a step inside every office write's transaction, after its checks",
        services.keep_standing: "the office page's live check stored again for today (the office already got "
                                "in scope by the page), no actor: a derived summary",
        services.refresh_standings: "the nightly recomputation of every office's stored summary (command and task), "
                                    "no actor and no region's choice",
    },
)
