"""The acceptance part's rows of the scope sweep (merged in hrss/network/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's office (made by the offices part's sweep): an
inspection by 源城区's officer with a finding that does not meet its rule and so a rectification item, and an
acceptance request waiting for the city. The request is opened through core.review directly: the office of the
sweep does not meet every rule, which request_acceptance (refused then) requires."""

from django.utils import timezone

from hrss.core import review
from hrss.core.areas import SweepRows, SweepWrite
from hrss.network.acceptance import services
from hrss.network.acceptance.chains import ACCEPTANCE
from hrss.network.models import Acceptance, Finding, Inspection, Office, Rectification
from hrss.network.standards import compliance

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
PLAN_MONTH = "2012-09"  # a month always past: the bulletin's month in the sweep


def objects(personas):
    carl = personas["county_officer"]
    today = timezone.localdate()
    office = Office.objects.get(pk=personas["offices_office"].pk)
    results = compliance.check(office, today).results
    findings = {result.rule: {"result": "meets", "note": ""} for result in results}
    findings[results[0].rule] = {"result": "fails", "note": "越权检查的标记"}
    inspection = services.record_inspection(actor=carl, office=office, inspected_on=today, findings=findings,
                                            inspectors="源城区检查组", today=today)
    item = Rectification.objects.get(finding__inspection=inspection)
    case = review.open_case(chain=ACCEPTANCE, region_code=VILLAGE, subject_id_number="", title="下城社区服务站验收",
                            actor=carl, today=today)
    acceptance = Acceptance.objects.create(office=office, region_code=VILLAGE, case=case, requested_on=today,
                                           requested_by=carl)
    return {"acceptance_inspection": inspection, "acceptance_item": item, "acceptance_request": acceptance}


def state():
    return [Inspection, Finding, Rectification, Acceptance]


def _item(personas):
    return Rectification.objects.select_related("finding").get(pk=personas["acceptance_item"].pk)


def _acceptance(personas):
    return Acceptance.objects.select_related("case").get(pk=personas["acceptance_request"].pk)


def _office(personas):
    return Office.objects.get(pk=personas["offices_office"].pk)


ROUTE = {"outsiders": BOTH, "query": {}}
REGION = {"outsiders": BOTH, "lists_people": False}
INSPECTION = {"pk": "acceptance_inspection"}
ITEM = {"pk": "acceptance_item"}
ACCEPTED = {"pk": "acceptance_request"}

ROWS = SweepRows(
    list_routes={
        "network:acceptance-inspections": ROUTE,
        "network:acceptance-rectifications": ROUTE,
        "network:acceptance-list": ROUTE,
        "network:acceptance-milestones": ROUTE,
        "network:acceptance-bulletin": ROUTE,
        "network:acceptance-bulletin-xlsx": ROUTE,
        "network:acceptance-office": ROUTE,
    },
    region_param_routes={
        "network:acceptance-inspections": REGION,
        "network:acceptance-rectifications": REGION,
        "network:acceptance-list": REGION,
        "network:acceptance-office": REGION,
        "network:acceptance-milestones": REGION,
        "network:acceptance-bulletin": REGION,
        "network:acceptance-bulletin-pdf": REGION,
        "network:acceptance-bulletin-xlsx": REGION,
    },
    object_routes={
        "network:acceptance-inspection": (INSPECTION, BOTH, {}),
        "network:acceptance-rectification": (ITEM, BOTH, {}),
        "network:acceptance-rectification-fix": (ITEM, BOTH, {"note": "越权", "fixed_on": "2026-01-05"}),
        "network:acceptance-rectification-confirm": (ITEM, BOTH, {}),
        "network:acceptance-rectification-reopen": (ITEM, BOTH, {"note": "越权"}),
        "network:acceptance-detail": (ACCEPTED, BOTH, {}),
        "network:acceptance-decide": (ACCEPTED, BOTH, {"version": "1", "decision": "refuse", "reason": "越权"}),
        "network:acceptance-withdraw": (ACCEPTED, BOTH, {"version": "1", "reason": "越权"}),
    },
    create_routes={
        "network:acceptance-inspection-new": (BOTH, {"region": VILLAGE, "inspected_on": "2026-01-05"}),
        "network:acceptance-request": (BOTH, {"region": VILLAGE, "note": "越权"}),
        # The printed bulletin: the sweep cannot read a PDF's text (its list check would), so it is tried here with
        # 下城社区 named (the region is read from the POST as from the query): 404, nothing written.
        "network:acceptance-bulletin-pdf": (BOTH, {"region": VILLAGE}),
    },
    api_reads={
        "/api/v1/network/inspections": {},
        "/api/v1/network/inspections/{inspection_id}": {"inspection_id": "acceptance_inspection"},
        "/api/v1/network/rectifications": {},
        "/api/v1/network/rectifications/{item_id}": {"item_id": "acceptance_item"},
        "/api/v1/network/acceptances": {},
        "/api/v1/network/acceptances/{acceptance_id}": {"acceptance_id": "acceptance_request"},
        "/api/v1/network/milestones": {"params": {}, "query": {"region": VILLAGE}},
        "/api/v1/network/bulletins/{month}": {"params": {"month": PLAN_MONTH}, "query": {"region": VILLAGE}},
    },
    api_writes={
        "/api/v1/network/inspections": ({}, {"region_code": VILLAGE, "findings": []}),
        "/api/v1/network/rectifications/{item_id}/fix": ({"item_id": "acceptance_item"}, {}),
        "/api/v1/network/rectifications/{item_id}/confirm": ({"item_id": "acceptance_item"}, {}),
        "/api/v1/network/rectifications/{item_id}/reopen": ({"item_id": "acceptance_item"}, {"note": "越权"}),
        "/api/v1/network/acceptances": ({}, {"region_code": VILLAGE, "note": "越权"}),
        "/api/v1/network/acceptances/{acceptance_id}/decision": (
            {"acceptance_id": "acceptance_request"}, {"accept": False, "version": 1, "reason": "越权"}),
        "/api/v1/network/acceptances/{acceptance_id}/withdrawal": (
            {"acceptance_id": "acceptance_request"}, {"version": 1, "reason": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.record_inspection, lambda p: {
            "office": _office(p), "inspected_on": timezone.localdate(), "findings": {}}),
        SweepWrite(services.fix_rectification, lambda p: {"item": _item(p), "note": "越权", "upload": b"x"}),
        SweepWrite(services.confirm_rectification, lambda p: {"item": _item(p)}),
        SweepWrite(services.reopen_rectification, lambda p: {"item": _item(p), "note": "越权"}),
        SweepWrite(services.request_acceptance, lambda p: {"office": _office(p)}),
        SweepWrite(services.decide_acceptance, lambda p: {
            "acceptance": _acceptance(p), "accept": False, "version": _acceptance(p).case.version,
            "reason": "越权"}),
        SweepWrite(services.withdraw_acceptance, lambda p: {
            "acceptance": _acceptance(p), "version": _acceptance(p).case.version, "reason": "越权"}),
    ],
    services=[services],
    not_swept={
        services.rule_lines: "reads: the failing rules as text",
        services.failing_message: "reads: the refusal's text",
        services.inspection_problems: "reads",
        services.acceptance_problems: "reads",
        services.rule_status: "reads: the item's rule against the office's record",
        services.office_record_url: "reads: an address",
        services.still_failing_message: "reads: the refusal's text",
    },
)
