"""The retirees part's rows of the scope sweep (merged by hrss/pensions/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here: a retiree of 83 named 张三 (a
person of its own, so that the ledger's 张三 of the other areas keeps his labour status), managed, last visited 100
days ago (so due a visit), with an activity he took part in."""

import datetime
from decimal import Decimal

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.pensions.models import Retiree, RetireeActivity, RetireeVisit
from hrss.pensions.retirees import services
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-01"


def objects(personas):
    alice = personas["village_assistant"]
    today = timezone.localdate()
    village = Region.objects.get(code=VILLAGE)
    birth = datetime.date(today.year - 83, 1, 10)
    person = residents_services.register_person(
        actor=alice, id_number=id_number_for("441602", birth, 871), name="张三", village=village, status="other",
        status_since=datetime.date(today.year - 30, 1, 1))[0]
    retired_on = datetime.date(today.year - 23, 6, 30)
    retiree = services.register(actor=alice, person=person, employer_name="河源市纺织厂", employer_code="",
                                retired_on=retired_on, pension_amount=Decimal("3100.00"), phone="13800000001")
    services.receive_files(actor=alice, retiree=retiree, on=retired_on + datetime.timedelta(days=30))
    visit = services.record_visit(actor=alice, retiree=retiree, visited_on=today - datetime.timedelta(days=100),
                                  kind="home", note="张三：身体尚好")
    activity = services.record_activity(actor=alice, region=village, held_on=today, title="重阳节慰问",
                                        kind="condolence", participants=[retiree])
    return {"retirees_person": person, "retirees_retiree": retiree, "retirees_visit": visit,
            "retirees_activity": activity}


def state():
    return [Retiree, RetireeVisit, RetireeActivity, RetireeActivity.participants.through.objects.values_list(
        "retireeactivity_id", "retiree_id")]


def _retiree(personas):
    return Retiree.objects.select_related("person").get(pk=personas["retirees_retiree"].pk)


def _village():
    return Region.objects.get(code=VILLAGE)


ROWS = SweepRows(
    list_routes={
        "pensions:retirees-ledger": {"outsiders": BOTH, "query": {}},
        "pensions:retirees-ledger-export": {"outsiders": BOTH, "query": {}},
        "pensions:retirees-due-visits": {"outsiders": BOTH, "query": {}},
        "pensions:retirees-rate": {"outsiders": BOTH, "query": {}},
        "pensions:retirees-activities": {"outsiders": BOTH, "query": {}},
        # The template (no data) and the user's own last import's rejected rows (kept in their session).
        "pensions:retirees-import-template": {"outsiders": BOTH, "query": {}},
        "pensions:retirees-import-errors": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "pensions:retirees-ledger": {"outsiders": BOTH, "lists_people": True},
        "pensions:retirees-ledger-export": {"outsiders": BOTH, "lists_people": True},
        "pensions:retirees-due-visits": {"outsiders": BOTH, "lists_people": True},
        "pensions:retirees-rate": {"outsiders": BOTH, "lists_people": False},
        "pensions:retirees-activities": {"outsiders": BOTH, "lists_people": False},
        "pensions:retirees-activity-new": {"outsiders": BOTH, "lists_people": True},
    },
    object_routes={
        "pensions:retirees-detail": ({"pk": "retirees_retiree"}, BOTH, {}),
        "pensions:retirees-files": ({"pk": "retirees_retiree"}, BOTH, {"on": DAY}),
        "pensions:retirees-visit": ({"pk": "retirees_retiree"}, BOTH, {"visited_on": DAY, "kind": "home",
                                                                       "note": "越权"}),
        "pensions:retirees-care": ({"pk": "retirees_retiree"}, BOTH, {"needs_care": "on", "health_note": "越权"}),
        "pensions:retirees-death": ({"pk": "retirees_retiree"}, BOTH, {"died_on": DAY}),
        "pensions:retirees-move-out": ({"pk": "retirees_retiree"}, BOTH, {"on": DAY, "moved_to": "越权"}),
    },
    create_routes={
        "pensions:retirees-new": (BOTH, {"id_number": id_number_for("441602", datetime.date(1943, 1, 10), 871),
                                         "employer_name": "越权", "retired_on": DAY, "pension_amount": "1"}),
        "pensions:retirees-import": (BOTH, {"region": VILLAGE}),
        "pensions:retirees-activity-new": (BOTH, {"region": VILLAGE, "held_on": DAY, "title": "越权",
                                                  "kind": "other", "participant_count": "3"}),
    },
    api_reads={
        "/api/v1/pensions/retirees": {},
        "/api/v1/pensions/retirees/{retiree_id}": {"retiree_id": "retirees_retiree"},
    },
    api_writes={
        "/api/v1/pensions/retirees": ({}, {"person_id": "retirees_person", "employer_name": "越权",
                                           "retired_on": DAY, "pension_amount": "1.00"}),
        "/api/v1/pensions/retirees/{retiree_id}/files": ({"retiree_id": "retirees_retiree"}, {"on": DAY}),
        "/api/v1/pensions/retirees/{retiree_id}/visits": ({"retiree_id": "retirees_retiree"},
                                                         {"visited_on": DAY, "kind": "home", "note": "越权"}),
        "/api/v1/pensions/retiree-activities": ({}, {"region_code": VILLAGE, "held_on": DAY, "title": "越权",
                                                     "kind": "other", "participant_count": 3}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.register, lambda p: {
            "person": p["retirees_person"], "employer_name": "越权", "employer_code": "",
            "retired_on": datetime.date(2020, 1, 1), "pension_amount": Decimal("1")}),
        SweepWrite(services.import_retirees, lambda p: {"region": _village(), "path": "unread.csv"}),
        SweepWrite(services.receive_files, lambda p: {"retiree": _retiree(p), "on": timezone.localdate()}),
        SweepWrite(services.record_visit, lambda p: {"retiree": _retiree(p), "visited_on": timezone.localdate(),
                                                     "kind": "phone", "note": "越权"}),
        SweepWrite(services.set_care, lambda p: {"retiree": _retiree(p), "needs_care": True, "health_note": "越权"}),
        SweepWrite(services.record_activity, lambda p: {"region": _village(), "held_on": timezone.localdate(),
                                                        "title": "越权", "kind": "other", "participant_count": 3}),
        SweepWrite(services.record_death, lambda p: {"retiree": _retiree(p), "died_on": timezone.localdate()}),
        SweepWrite(services.move_out, lambda p: {"retiree": _retiree(p), "on": timezone.localdate()}),
    ],
    services=[services],
    not_swept={
        services.register_problems: "reads",
        services.visit_problems: "reads",
        services.activity_problems: "reads",
    },
)
