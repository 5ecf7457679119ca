"""The support part's rows of the scope sweep (merged by hrss/assistance/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here: 张三 recognised (the
recognition part's, when it made one standing today; else one written directly, demo.recognise_directly), with a
plan and a visit today."""

import datetime

from django.utils import timezone

from hrss.assistance.models import AssistancePlan, HomeVisit, Recognition, RecognitionStatus
from hrss.assistance.recognition.selectors import in_force_q
from hrss.assistance.support import demo, services
from hrss.core.areas import SweepRows, SweepWrite

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-01"


def objects(personas):
    person, alice = personas["person"], personas["village_assistant"]
    today = timezone.localdate()
    recognition = Recognition.objects.filter(in_force_q(today), person=person).first()
    if recognition is None:
        standing = Recognition.objects.filter(person=person,
                                              status__in=[RecognitionStatus.IN_REVIEW, RecognitionStatus.RECOGNISED])
        assert not standing.exists(), "support's sweep needs 张三 recognised today, or with no standing recognition"
        recognition = demo.recognise_directly(person=person, actor=alice,
                                              recognised_on=today - datetime.timedelta(days=60))
    plan = services.save_plan(actor=alice, recognition=recognition, items=["guidance", "placement"], responsible=alice,
                              target_on=today + datetime.timedelta(days=60), notes="张三的援助计划")
    visit = services.record_visit(actor=alice, recognition=recognition, visited_on=today, way="home",
                                  outcome="张三：了解求职意愿")
    return {"support_recognition": recognition, "support_plan": plan, "support_visit": visit}


def state():
    return [AssistancePlan, HomeVisit]


def _recognition(personas):
    return Recognition.objects.select_related("person").get(pk=personas["support_recognition"].pk)


ROWS = SweepRows(
    list_routes={
        "assistance:support-ledger": {"outsiders": BOTH, "query": {}},
        "assistance:support-ledger-export": {"outsiders": BOTH, "query": {}},
        "assistance:support-visits": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "assistance:support-ledger": {"outsiders": BOTH, "lists_people": True},
        "assistance:support-ledger-export": {"outsiders": BOTH, "lists_people": True},
        "assistance:support-visits": {"outsiders": BOTH, "lists_people": True},
    },
    object_routes={
        "assistance:support-detail": ({"pk": "support_recognition"}, BOTH, {}),
        "assistance:support-plan": ({"pk": "support_recognition"}, BOTH, {
            "items": ["guidance"], "responsible": "1", "target_on": DAY, "notes": "越权"}),
        "assistance:support-visit": ({"pk": "support_recognition"}, BOTH, {
            "visited_on": DAY, "way": "home", "outcome": "越权"}),
    },
    api_reads={
        "/api/v1/assistance/plans": {},
        "/api/v1/assistance/visits": {},
    },
    api_writes={
        "/api/v1/assistance/plans": ({}, {"recognition_id": "support_recognition", "items": ["guidance"],
                                          "responsible_id": "village_assistant", "target_on": DAY}),
        "/api/v1/assistance/visits": ({}, {"recognition_id": "support_recognition", "visited_on": DAY,
                                           "way": "home", "outcome": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.save_plan, lambda p: {
            "recognition": _recognition(p), "items": ["guidance"], "responsible": p["village_assistant"],
            "target_on": timezone.localdate() + datetime.timedelta(days=30)}),
        SweepWrite(services.record_visit, lambda p: {
            "recognition": _recognition(p), "visited_on": timezone.localdate(), "way": "phone", "outcome": "越权"}),
    ],
    services=[services],
    not_swept={
        services.plan_problems: "reads",
        services.visit_problems: "reads",
    },
)
