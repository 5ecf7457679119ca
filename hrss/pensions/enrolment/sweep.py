"""The enrolment part's rows of the scope sweep (merged by hrss/pensions/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here: 赵六 enrolled (documents complete
today) and 钱七 waiting for documents. 张三 is left unenrolled for the parts after this one."""


from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.dates import years_before
from hrss.core.models import Region
from hrss.pensions.enrolment import services
from hrss.pensions.models import EmployeeSchemeRecord, Enrolment
from hrss.pensions.schemes import rules
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.sweep import MAN_1980

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-01"


def _person(alice, name, serial):
    today = timezone.localdate()
    birth = years_before(today, 40 + serial % 7).replace(day=1)
    number = id_number_for("441602", birth, serial)
    return residents_services.register_person(actor=alice, id_number=number, name=name,
                                              village=Region.objects.get(code=VILLAGE), status="farming")[0]


def objects(personas):
    alice = personas["village_assistant"]
    today = timezone.localdate()
    every = [code for code, _name in rules.documents_on(today)]
    tier = rules.tier_amounts(VILLAGE, today)[0]
    active = services.enrol(actor=alice, person=_person(alice, "赵六", 51), tier=tier, documents=every, today=today)
    pending = services.enrol(actor=alice, person=_person(alice, "钱七", 63), tier=tier, documents=every[:1],
                             today=today)
    return {"enrolment": active, "enrolment_pending": pending}


def state():
    return [Enrolment, EmployeeSchemeRecord]


def _get(personas, key="enrolment"):
    return Enrolment.objects.select_related("person").get(pk=personas[key].pk)


def _tier():
    return str(rules.tier_amounts(VILLAGE, timezone.localdate())[-1])


ROWS = SweepRows(
    list_routes={
        "pensions:enrolment-ledger": {"outsiders": BOTH, "query": {}},
        "pensions:enrolment-export": {"outsiders": BOTH, "query": {}},
        "pensions:enrolment-kpi": {"outsiders": BOTH, "query": {}},
        "pensions:enrolment-find": {"outsiders": BOTH, "query": {"id_number": MAN_1980}},
    },
    region_param_routes={
        "pensions:enrolment-ledger": {"outsiders": BOTH, "lists_people": False},
        "pensions:enrolment-export": {"outsiders": BOTH, "lists_people": False},
        "pensions:enrolment-kpi": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "pensions:enrolment-new": ({"person_pk": "person"}, BOTH, {"tier": "180", "documents": ["id_card"],
                                                                   "received_on": DAY}),
        "pensions:enrolment-detail": ({"pk": "enrolment"}, BOTH, {}),
        "pensions:enrolment-documents": ({"pk": "enrolment_pending"}, BOTH, {"documents": ["hukou", "form"],
                                                                             "received_on": DAY}),
        "pensions:enrolment-tier": ({"pk": "enrolment"}, BOTH, {"tier": "4800"}),
        "pensions:enrolment-terminate": ({"pk": "enrolment"}, BOTH, {"reason": "other", "on": DAY, "note": "越权"}),
        "pensions:enrolment-transfer": ({"pk": "enrolment"}, BOTH, {"on": DAY, "destination_note": "越权"}),
    },
    api_reads={
        "/api/v1/pensions/enrolments": {},
        "/api/v1/pensions/enrolments/{enrolment_id}": {"enrolment_id": "enrolment"},
    },
    api_writes={
        "/api/v1/pensions/enrolments": ({}, {"person_id": "person", "tier": "180", "documents": ["id_card"]}),
        "/api/v1/pensions/enrolments/{enrolment_id}/documents": (
            {"enrolment_id": "enrolment_pending"}, {"documents": ["hukou", "form"]}),
        "/api/v1/pensions/enrolments/{enrolment_id}/tier": ({"enrolment_id": "enrolment"}, {"tier": "4800"}),
        "/api/v1/pensions/enrolments/{enrolment_id}/terminate": (
            {"enrolment_id": "enrolment"}, {"reason": "other", "on": DAY, "note": "越权"}),
        "/api/v1/pensions/enrolments/{enrolment_id}/transfer-out": (
            {"enrolment_id": "enrolment"}, {"on": DAY, "destination_note": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.enrol, lambda p: {"person": p["person"], "tier": _tier(), "documents": ["id_card"]}),
        SweepWrite(services.complete_documents, lambda p: {"enrolment": _get(p, "enrolment_pending"),
                                                           "documents": ["hukou", "form"]}),
        SweepWrite(services.change_tier, lambda p: {"enrolment": _get(p), "tier": _tier()}),
        SweepWrite(services.terminate, lambda p: {"enrolment": _get(p), "reason": "other",
                                                  "on": timezone.localdate(), "note": "越权"}),
        SweepWrite(services.transfer_out, lambda p: {"enrolment": _get(p), "on": timezone.localdate(),
                                                     "destination_note": "越权"}),
    ],
    services=[services],
    not_swept={
        services.is_urban: "reads",
        services.parse_tier: "reads",
        services.sixteenth_birthday: "reads",
        services.missing_documents: "reads",
        services.document_names: "reads",
        services.employee_scheme_on: "reads",
        services.death_of: "reads",
        services.eligibility_problems: "reads",
        services.tier_problems: "reads",
        services.intake_problems: "reads",
        services.mark_drawing: "a step of benefits' pension approval, inside its transaction (swept there)",
        services.end_for_death: "a step of benefits' death record, inside its transaction (swept there)",
    },
)
