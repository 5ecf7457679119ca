"""The inspection part's rows of the scope sweep (merged in hrss/supervision/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's case made here: 张三's complaint of unpaid wages at
a garment factory of 下城社区, received, accepted and opened by 源城区's labour inspector, 张三 its worker owed
8,600.00 yuan. The petitions part's petition and the grid part's lead (made by their own sweeps) stand for the
forwarding services."""

from django.utils import timezone

from hrss.accounts import services as account_services
from hrss.core.areas import SweepRows, SweepWrite
from hrss.supervision.inspection import services
from hrss.supervision.models import (
    InspectionCase,
    InspectionEvent,
    InspectionMeasure,
    InspectionWorker,
    Lead,
    Petition,
)
from hrss.supervision.permissions import LABOUR_INSPECTOR

VILLAGE = "441602001003"  # 下城社区
COUNTY = "441602000000"  # 源城区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-05"


def objects(personas):
    from hrss.core.models import Region

    today = timezone.localdate()
    inspector = account_services.create_user(
        actor=None, username="inspection_sweep", region=Region.objects.get(code=COUNTY), roles=[LABOUR_INSPECTOR],
        password="Heyuan@2026", full_name="监察员", must_change=False)[0]
    case = services.receive_complaint(
        actor=inspector, region_code=VILLAGE, source="complaint", employer_name="河源市某制衣厂",
        complainant_name="张三", complainant_phone="13800000003", summary="2个月工资未发", received_on=today,
        today=today)
    services.accept_case(actor=inspector, case=case, today=today)
    services.open_case(actor=inspector, case=case, today=today)
    worker = services.add_worker(actor=inspector, case=case, name="张三", amount_owed="8600.00", today=today)
    return {"inspection_inspector": inspector, "inspection_case": case, "inspection_worker": worker}


def state():
    return [InspectionCase, InspectionWorker, InspectionMeasure, InspectionEvent]


def _case(personas):
    return InspectionCase.objects.get(pk=personas["inspection_case"].pk)


def _today():
    return timezone.localdate()


PK = {"pk": "inspection_case"}
ID = {"case_id": "inspection_case"}

ROWS = SweepRows(
    list_routes={
        "supervision:inspection-ledger": {"outsiders": BOTH, "query": {}},
        "supervision:inspection-ledger-export": {"outsiders": BOTH, "query": {}},
        "supervision:inspection-extensions": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "supervision:inspection-ledger": {"outsiders": BOTH, "lists_people": True},
        "supervision:inspection-ledger-export": {"outsiders": BOTH, "lists_people": True},
    },
    object_routes={
        "supervision:inspection-detail": (PK, BOTH, {}),
        "supervision:inspection-receipt": (PK, BOTH, {}),
        "supervision:inspection-accept": (PK, BOTH, {"on": DAY}),
        "supervision:inspection-decline": (PK, BOTH, {"on": DAY, "reason": "越权"}),
        "supervision:inspection-open": (PK, BOTH, {"on": DAY}),
        "supervision:inspection-worker": (PK, BOTH, {"name": "越权", "amount_owed": "1"}),
        "supervision:inspection-recovery": (PK, BOTH, {"worker": "1", "amount_recovered": "1"}),
        "supervision:inspection-worker-removal": (PK, BOTH, {"worker": "1", "reason": "越权"}),
        "supervision:inspection-measure": (PK, BOTH, {"kind": "pay", "taken_on": DAY, "amount": "1"}),
        "supervision:inspection-extension": (PK, BOTH, {"reason": "越权"}),
        "supervision:inspection-extension-decide": (PK, BOTH, {"decision": "approve", "note": "越权"}),
        "supervision:inspection-referral": (PK, BOTH, {"kind": "mediation", "body": "越权", "referred_on": DAY}),
        "supervision:inspection-referral-outcome": (PK, BOTH, {"outcome": "越权", "on": DAY}),
        "supervision:inspection-conclude": (PK, BOTH, {"on": DAY, "result": "越权"}),
    },
    create_routes={
        "supervision:inspection-new": (BOTH, {"region": VILLAGE, "source": "complaint", "received_on": DAY,
                                              "employer_name": "越权", "summary": "越权"}),
    },
    api_reads={
        "/api/v1/supervision/inspection-cases": {},
        "/api/v1/supervision/inspection-cases/{case_id}": ID,
    },
    api_writes={
        "/api/v1/supervision/inspection-cases": ({}, {"region_code": VILLAGE, "employer_name": "越权",
                                                      "summary": "越权"}),
        "/api/v1/supervision/inspection-cases/{case_id}/accept": (ID, {"on": DAY}),
        "/api/v1/supervision/inspection-cases/{case_id}/decline": (ID, {"on": DAY, "reason": "越权"}),
        "/api/v1/supervision/inspection-cases/{case_id}/open": (ID, {"on": DAY}),
        "/api/v1/supervision/inspection-cases/{case_id}/workers": (ID, {"name": "越权", "amount_owed": "1.00"}),
        "/api/v1/supervision/inspection-cases/{case_id}/workers/{worker_id}/recovery": (
            {"case_id": "inspection_case", "worker_id": "inspection_worker"}, {"amount_recovered": "1.00"}),
        "/api/v1/supervision/inspection-cases/{case_id}/workers/{worker_id}/removal": (
            {"case_id": "inspection_case", "worker_id": "inspection_worker"}, {"reason": "越权"}),
        "/api/v1/supervision/inspection-cases/{case_id}/measures": (ID, {"kind": "pay", "taken_on": DAY,
                                                                         "amount": "1.00"}),
        "/api/v1/supervision/inspection-cases/{case_id}/extension": (ID, {"reason": "越权"}),
        "/api/v1/supervision/inspection-cases/{case_id}/extension/decision": (ID, {"approve": True}),
        "/api/v1/supervision/inspection-cases/{case_id}/referral": (ID, {"kind": "mediation", "body": "越权",
                                                                         "referred_on": DAY}),
        "/api/v1/supervision/inspection-cases/{case_id}/referral/outcome": (ID, {"outcome": "越权", "on": DAY}),
        "/api/v1/supervision/inspection-cases/{case_id}/conclude": (ID, {"result": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.receive_complaint, lambda p: {
            "region_code": VILLAGE, "source": "complaint", "employer_name": "越权", "summary": "越权"}),
        SweepWrite(services.open_from_petition, lambda p: {
            "petition": Petition.objects.get(pk=p["petitions_petition"].pk)}),
        SweepWrite(services.open_from_lead, lambda p: {"lead": Lead.objects.get(pk=p["grid_lead"].pk)}),
        SweepWrite(services.accept_case, lambda p: {"case": _case(p)}),
        SweepWrite(services.decline_case, lambda p: {"case": _case(p), "reason": "越权"}),
        SweepWrite(services.open_case, lambda p: {"case": _case(p)}),
        SweepWrite(services.add_worker, lambda p: {"case": _case(p), "name": "越权", "amount_owed": "1"}),
        SweepWrite(services.record_recovery, lambda p: {
            "worker": InspectionWorker.objects.get(pk=p["inspection_worker"].pk), "amount_recovered": "1"}),
        SweepWrite(services.remove_worker, lambda p: {
            "worker": InspectionWorker.objects.get(pk=p["inspection_worker"].pk), "reason": "越权"}),
        SweepWrite(services.add_measure, lambda p: {"case": _case(p), "kind": "pay", "taken_on": _today(),
                                                    "amount": "1"}),
        SweepWrite(services.request_extension, lambda p: {"case": _case(p), "reason": "越权"}),
        SweepWrite(services.decide_extension, lambda p: {"case": _case(p), "approve": True}),
        SweepWrite(services.refer_case, lambda p: {"case": _case(p), "kind": "mediation", "body": "越权",
                                                   "referred_on": _today()}),
        SweepWrite(services.record_referral_outcome, lambda p: {"case": _case(p), "outcome": "越权",
                                                                "on": _today()}),
        SweepWrite(services.conclude_case, lambda p: {"case": _case(p), "result": "越权"}),
    ],
    services=[services],
    not_swept={
        services.uscc_problem: "reads: checks a code",
        services.intake_problems: "reads",
        services.worker_problems: "reads",
        services.fill_missing_due_dates: "a hook run inside load_arrangement's transaction, for the whole deployment",
    },
)
