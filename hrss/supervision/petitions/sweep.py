"""The petitions part's rows of the scope sweep (merged in hrss/supervision/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's petition made here: 张三's complaint of unpaid wages,
recorded at the village today (待受理)."""

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Level, Region
from hrss.supervision.models import Petition, PetitionEvent
from hrss.supervision.petitions import services

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-05"
# Not "visit": that names a persona of another area (the sweep would send its primary key).
INTAKE = {"received_on": DAY, "channel": "letter", "category": "wages", "petitioner_name": "越权",
          "petitioner_phone": "13800000000", "subject": "越权", "summary": "越权", "employer_name": "越权"}


def objects(personas):
    alice = personas["village_assistant"]
    petition = services.intake(
        actor=alice, office=Region.objects.get(code=VILLAGE), received_on=timezone.localdate(), channel="visit",
        category="wages", petitioner_name="张三", petitioner_phone="13800000002", subject="河源市某制衣厂拖欠工资",
        summary="2个月工资未发", employer_name="河源市某制衣厂", amount_claimed="8600.00")
    return {"petitions_petition": petition}


def state():
    return [Petition, PetitionEvent]


def _petition(personas):
    return Petition.objects.get(pk=personas["petitions_petition"].pk)


def _today():
    return timezone.localdate()


PK = {"pk": "petitions_petition"}
ID = {"petition_id": "petitions_petition"}

ROWS = SweepRows(
    list_routes={
        "supervision:petitions-ledger": {"outsiders": BOTH, "query": {}},
        "supervision:petitions-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "supervision:petitions-ledger": {"outsiders": BOTH, "lists_people": True},
        "supervision:petitions-export": {"outsiders": BOTH, "lists_people": True},
        "supervision:petitions-new": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "supervision:petitions-detail": (PK, BOTH, {}),
        "supervision:petitions-receipt": (PK, BOTH, {}),
        "supervision:petitions-opinion": ({**PK, "stage": "review"}, BOTH, {}),
        "supervision:petitions-forward-up": (PK, BOTH, {"level": "4", "note": "越权"}),
        "supervision:petitions-decide": (PK, BOTH, {"decision": "not_accept", "decided_on": DAY, "reason": "越权"}),
        "supervision:petitions-inspection": (PK, BOTH, {"confirm": "on"}),
        "supervision:petitions-extend": (PK, BOTH, {"days": "10", "reason": "越权"}),
        "supervision:petitions-reply": (PK, BOTH, {"text": "越权", "replied_on": DAY}),
        "supervision:petitions-review-request": (PK, BOTH, {"requested_on": DAY, "text": "越权"}),
        "supervision:petitions-review": (PK, BOTH, {"opinion": "越权", "decided_on": DAY}),
        "supervision:petitions-recheck-request": (PK, BOTH, {"requested_on": DAY, "text": "越权"}),
        "supervision:petitions-recheck": (PK, BOTH, {"opinion": "越权", "decided_on": DAY}),
    },
    create_routes={
        "supervision:petitions-new": (BOTH, {"region": VILLAGE, **INTAKE, "workers_count": "1"}),
    },
    api_reads={
        "/api/v1/supervision/petitions": {},
        "/api/v1/supervision/petitions/{petition_id}": ID,
    },
    api_writes={
        "/api/v1/supervision/petitions": ({}, {"region_code": VILLAGE, **INTAKE}),
        "/api/v1/supervision/petitions/{petition_id}/decision": (ID, {"decision": "not_accept", "decided_on": DAY,
                                                                      "reason": "越权"}),
        "/api/v1/supervision/petitions/{petition_id}/extension": (ID, {"days": 10, "reason": "越权"}),
        "/api/v1/supervision/petitions/{petition_id}/reply": (ID, {"text": "越权", "replied_on": DAY}),
        "/api/v1/supervision/petitions/{petition_id}/review-request": (ID, {"requested_on": DAY, "text": "越权"}),
        "/api/v1/supervision/petitions/{petition_id}/review": (ID, {"opinion": "越权", "decided_on": DAY}),
        "/api/v1/supervision/petitions/{petition_id}/recheck": (ID, {"opinion": "越权", "decided_on": DAY}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.intake, lambda p: {"office": Region.objects.get(code=VILLAGE), "received_on": _today(),
                                               "channel": "visit", "category": "wages", "petitioner_name": "越权",
                                               "petitioner_phone": "13800000001", "subject": "越权", "summary": "越权",
                                               "employer_name": "越权"}),
        SweepWrite(services.forward_up, lambda p: {"petition": _petition(p), "level": Level.TOWNSHIP}),
        SweepWrite(services.decide, lambda p: {"petition": _petition(p), "decision": "not_accept",
                                               "decided_on": _today(), "reason": "越权"}),
        SweepWrite(services.forward_to_inspection, lambda p: {"petition": _petition(p)}),
        SweepWrite(services.extend, lambda p: {"petition": _petition(p), "days": 10, "reason": "越权"}),
        SweepWrite(services.reply, lambda p: {"petition": _petition(p), "text": "越权", "replied_on": _today()}),
        SweepWrite(services.request_review, lambda p: {"petition": _petition(p), "requested_on": _today(),
                                                       "text": "越权"}),
        SweepWrite(services.decide_review, lambda p: {"petition": _petition(p), "opinion": "越权",
                                                      "decided_on": _today()}),
        SweepWrite(services.request_recheck, lambda p: {"petition": _petition(p), "requested_on": _today(),
                                                        "text": "越权"}),
        SweepWrite(services.decide_recheck, lambda p: {"petition": _petition(p), "opinion": "越权",
                                                       "decided_on": _today()}),
    ],
    services=[services],
    not_swept={
        services.intake_problems: "reads",
        services.amount_of: "reads a number",
        services.due: "reads: a deadline",
        services.inspection_agency: "reads: a name",
        services.upper_office: "reads: a region code",
        services.may_extend: "reads: whether the actor leads the office holding the petition",
        services.not_a_leader_message: "reads: a refusal's words",
        services.not_the_holder_message: "reads: a refusal's words",
        services.holds: "reads: whether the actor works at the office holding the petition",
        services.leader_role_label: "reads: a role's name",
        services.open_inspection_case: "reads: the case of a petition already fetched within scope",
        services.recompute_provisional_dues: "a hook run inside load_arrangement's transaction, for the deployment",
    },
)
