"""The grid part's rows of the scope sweep (merged in hrss/supervision/sweep.py): every page, API operation and write
service of the part, tried by outsiders against 下城社区's objects made here: its cell with a 网格员 set by the
county, a lead waiting for a decision, and a visit to an employer."""

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.supervision.grid import services
from hrss.supervision.models import EmployerVisit, GridCell, GridStaff, Lead

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-01"


def _village():
    return Region.objects.get(code=VILLAGE)


def objects(personas):
    alice, carl = personas["village_assistant"], personas["county_officer"]
    today = timezone.localdate()
    village = _village()
    staff = services.add_staff(actor=carl, region=village, name="陈网格", phone="13800000011", post="full_time",
                               user=alice, since=today, today=today)
    lead = services.report_lead(actor=alice, region=village, employer_name="河源市某建材经营部", kind="wages",
                                description="装卸工反映两个月未发工资", workers_affected=5, today=today)
    visit = services.record_visit(actor=alice, region=village, employer_name="河源市某餐饮有限公司",
                                  visited_on=today, findings="已签订劳动合同", today=today)
    return {"grid_staff": staff, "grid_lead": lead, "grid_visit": visit}


def state():
    return [GridCell, GridStaff, Lead, EmployerVisit]


def _lead(personas):
    return Lead.objects.get(pk=personas["grid_lead"].pk)


def _staff(personas):
    return GridStaff.objects.get(pk=personas["grid_staff"].pk)


ROUTE = {"outsiders": BOTH, "query": {}}
REGION = {"outsiders": BOTH, "lists_people": False}

ROWS = SweepRows(
    list_routes={
        "supervision:grid-cell": ROUTE,
        "supervision:grid-leads": ROUTE,
        "supervision:grid-leads-export": ROUTE,
        "supervision:grid-lead-new": ROUTE,
        "supervision:grid-visits": ROUTE,
        "supervision:grid-visits-export": ROUTE,
        "supervision:grid-visit-new": ROUTE,
    },
    region_param_routes={
        "supervision:grid-cell": REGION,
        "supervision:grid-leads": REGION,
        "supervision:grid-leads-export": REGION,
        "supervision:grid-lead-new": REGION,
        "supervision:grid-visits": REGION,
        "supervision:grid-visits-export": REGION,
        "supervision:grid-visit-new": REGION,
    },
    object_routes={
        "supervision:grid-lead": ({"pk": "grid_lead"}, BOTH, {}),
        "supervision:grid-lead-forward": ({"pk": "grid_lead"}, BOTH, {"note": "越权"}),
        "supervision:grid-lead-dismiss": ({"pk": "grid_lead"}, BOTH, {"reason": "越权"}),
        "supervision:grid-lead-resolve": ({"pk": "grid_lead"}, BOTH, {"note": "越权"}),
        "supervision:grid-staff-remove": ({"pk": "grid_staff"}, BOTH, {"left_on": DAY}),
        "supervision:grid-lead-correct": ({"pk": "grid_lead"}, BOTH, {
            "reported_on": DAY, "employer_name": "越权", "kind": "other", "workers_affected": "1000",
            "description": "越权"}),
        "supervision:grid-visit-correct": ({"pk": "grid_visit"}, BOTH, {
            "visited_on": DAY, "employer_name": "越权", "findings": "越权"}),
    },
    create_routes={
        "supervision:grid-staff-add": (BOTH, {"region": VILLAGE, "name": "越权", "phone": "1", "post": "head",
                                              "since": DAY}),
        "supervision:grid-lead-new": (BOTH, {"region": VILLAGE, "reported_on": DAY, "employer_name": "越权",
                                             "kind": "other", "workers_affected": "1", "description": "越权"}),
        "supervision:grid-visit-new": (BOTH, {"region": VILLAGE, "visited_on": DAY, "employer_name": "越权",
                                              "findings": "越权"}),
    },
    api_reads={
        "/api/v1/supervision/grid-cells/{region_code}": {"region_code": VILLAGE},
        "/api/v1/supervision/leads": {},
        "/api/v1/supervision/leads/{lead_id}": {"lead_id": "grid_lead"},
        "/api/v1/supervision/employer-visits": {},
        "/api/v1/supervision/employer-visits/{visit_id}": {"visit_id": "grid_visit"},
    },
    api_writes={
        "/api/v1/supervision/grid-cells/{region_code}/staff": (
            {"region_code": VILLAGE}, {"name": "越权", "phone": "1", "post": "head"}),
        "/api/v1/supervision/grid-cells/{region_code}/staff/{staff_id}/remove": (
            {"region_code": VILLAGE, "staff_id": "grid_staff"}, {"left_on": DAY}),
        "/api/v1/supervision/leads": ({}, {"region_code": VILLAGE, "employer_name": "越权", "kind": "other",
                                           "description": "越权"}),
        "/api/v1/supervision/leads/{lead_id}/correction": ({"lead_id": "grid_lead"}, {
            "region_code": VILLAGE, "employer_name": "越权", "kind": "other", "description": "越权",
            "workers_affected": 1000}),
        "/api/v1/supervision/employer-visits/{visit_id}/correction": ({"visit_id": "grid_visit"}, {
            "region_code": VILLAGE, "employer_name": "越权", "visited_on": DAY, "findings": "越权"}),
        "/api/v1/supervision/leads/{lead_id}/forward": ({"lead_id": "grid_lead"}, {"note": "越权"}),
        "/api/v1/supervision/leads/{lead_id}/dismiss": ({"lead_id": "grid_lead"}, {"reason": "越权"}),
        "/api/v1/supervision/leads/{lead_id}/resolve": ({"lead_id": "grid_lead"}, {"note": "越权"}),
        "/api/v1/supervision/employer-visits": ({}, {"region_code": VILLAGE, "employer_name": "越权",
                                                     "visited_on": DAY, "findings": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.ensure_cell, lambda p: {"region": _village()}),
        SweepWrite(services.add_staff, lambda p: {"region": _village(), "name": "越权", "phone": "1",
                                                  "post": "head"}),
        SweepWrite(services.remove_staff, lambda p: {"staff": _staff(p)}),
        SweepWrite(services.report_lead, lambda p: {"region": _village(), "employer_name": "越权", "kind": "other",
                                                    "description": "越权"}),
        SweepWrite(services.correct_lead, lambda p: {"lead": _lead(p), "employer_name": "越权", "kind": "other",
                                                     "description": "越权", "workers_affected": 1000}),
        SweepWrite(services.correct_visit, lambda p: {
            "visit": EmployerVisit.objects.get(pk=p["grid_visit"].pk), "employer_name": "越权",
            "visited_on": timezone.localdate(), "findings": "越权"}),
        SweepWrite(services.forward_lead, lambda p: {"lead": _lead(p)}),
        SweepWrite(services.dismiss_lead, lambda p: {"lead": _lead(p), "reason": "越权"}),
        SweepWrite(services.resolve_lead, lambda p: {"lead": _lead(p), "note": "越权"}),
        SweepWrite(services.record_visit, lambda p: {"region": _village(), "employer_name": "越权",
                                                     "visited_on": timezone.localdate(), "findings": "越权"}),
    ],
    services=[services],
    not_swept={
        services.uscc_problem: "reads",
        services.region_problem: "reads",
        services.staff_problems: "reads",
        services.lead_problems: "reads",
        services.visit_problems: "reads",
        services.forwarded_problem: "reads",
        services.open_inspection_case: "a step inside forward_lead's transaction, after its checks",
    },
)
