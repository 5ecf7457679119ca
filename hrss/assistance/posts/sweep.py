"""The posts part's rows of the scope sweep (merged by hrss/assistance/sweep.py): every page, API operation and write
service of the part, tried by outsiders against 下城社区's objects made here: 张三 recognised as a 就业困难人员 (the
recognition part's recognition when it made one, else one made here), a post of 下城社区's committee, and 张三's
placement in it, started and ended today (so the month's roll lists him and his ledger status is 失业 again, not
单位就业, for the parts after this one)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from hrss.assistance.models import Placement, Recognition, RecognitionStatus, WelfarePost
from hrss.assistance.posts import services
from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import ReviewCase
from hrss.residents.models import Person

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]


def _post_data():
    return {"unit_name": "下城社区居民委员会", "unit_kind": "village_committee", "title": "社区保洁员", "headcount": 2}


def recognise(person, actor, today):
    """A recognition of `person` valid today: the recognition part's, or one recorded here as the county approved
    it (no chain: the sweep needs the fact, not the review)."""
    found = Recognition.objects.filter(person=person, status=RecognitionStatus.RECOGNISED, recognised_on__lte=today,
                                       valid_until__gte=today).first()
    if found is not None:
        return found
    case = ReviewCase.objects.create(
        case_type="sweep-recognition", region_code=person.region_code, subject_id_number=person.id_number,
        title=f"{person.name} 就业困难人员认定", status=ReviewCase.Status.APPROVED, step="approved",
        step_started_on=today, opened_by=actor, closed_at=timezone.now())
    return Recognition.objects.create(
        person=person, region_code=person.region_code, case=case, number=f"POSTS-{person.pk}",
        applied_on=today - datetime.timedelta(days=60), category="long_unemployed", status=RecognitionStatus.RECOGNISED,
        recognised_on=today - datetime.timedelta(days=40), valid_until=today + datetime.timedelta(days=365),
        applied_by=actor)


def objects(personas):
    alice = personas["village_assistant"]
    today = timezone.localdate()
    person = Person.objects.get(pk=personas["person"].pk)
    recognise(person, alice, today)
    post = services.create_post(actor=alice, region_code=VILLAGE, open_from=today - datetime.timedelta(days=40),
                                **_post_data())
    placement = services.place_person(actor=alice, post=post, person=person, started_on=today)
    person.refresh_from_db()
    services.end_placement(actor=alice, placement=placement, ended_on=today, reason="resigned", note="")
    return {"welfare_post": post, "welfare_placement": placement}


def state():
    return [WelfarePost, Placement]


def _post(personas):
    return WelfarePost.objects.get(pk=personas["welfare_post"].pk)


def _placement(personas):
    return Placement.objects.select_related("person", "post").get(pk=personas["welfare_placement"].pk)


def _post_form(**more):
    # The unit is named without the village's name: the refused form shows what was typed.
    return {"unit_name": "越权单位", "unit_kind": "village_committee", "title": "越权岗位", "headcount": "2",
            "open_from": "2026-01-01", **more}


ROWS = SweepRows(
    list_routes={
        "assistance:posts-list": {"outsiders": BOTH, "query": {}},
        "assistance:posts-export": {"outsiders": BOTH, "query": {}},
        "assistance:posts-placements": {"outsiders": BOTH, "query": {}},
        "assistance:posts-placements-export": {"outsiders": BOTH, "query": {}},
        "assistance:posts-roll": {"outsiders": BOTH, "query": {}},
        "assistance:posts-roll-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "assistance:posts-list": {"outsiders": BOTH, "lists_people": False},
        "assistance:posts-export": {"outsiders": BOTH, "lists_people": False},
        "assistance:posts-placements": {"outsiders": BOTH, "lists_people": True},
        "assistance:posts-placements-export": {"outsiders": BOTH, "lists_people": True},
        "assistance:posts-roll": {"outsiders": BOTH, "lists_people": True},
        "assistance:posts-roll-export": {"outsiders": BOTH, "lists_people": True},
    },
    object_routes={
        "assistance:posts-detail": ({"pk": "welfare_post"}, BOTH, {}),
        "assistance:posts-edit": ({"pk": "welfare_post"}, BOTH, _post_form(status="closed", post_subsidy="1",
                                                                           insurance_subsidy="1")),
        "assistance:posts-place": ({"pk": "welfare_post"}, BOTH, {"person": "1", "started_on": "2026-01-01"}),
        "assistance:posts-place-person": ({"person_pk": "person"}, BOTH, {"post": "1", "started_on": "2026-01-01"}),
        "assistance:posts-placement-detail": ({"pk": "welfare_placement"}, BOTH, {}),
        "assistance:posts-placement-end": ({"pk": "welfare_placement"}, BOTH, {"ended_on": "2026-01-01",
                                                                              "reason": "resigned"}),
    },
    create_routes={
        "assistance:posts-create": (BOTH, _post_form(region=VILLAGE)),
    },
    api_reads={
        "/api/v1/assistance/posts": {},
        "/api/v1/assistance/posts/{post_id}": {"post_id": "welfare_post"},
        "/api/v1/assistance/subsidy-rolls": {},
    },
    api_writes={
        "/api/v1/assistance/posts": ({}, {"region_code": VILLAGE, "open_from": "2026-01-01", **_post_data()}),
        "/api/v1/assistance/posts/{post_id}/placements": ({"post_id": "welfare_post"}, {
            "person_id": "person", "started_on": "2026-01-01"}),
        "/api/v1/assistance/placements/{placement_id}/end": ({"placement_id": "welfare_placement"}, {
            "ended_on": "2026-01-01", "reason": "resigned"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.create_post, lambda p: {"region_code": VILLAGE, "open_from": timezone.localdate(),
                                                    **_post_data()}),
        SweepWrite(services.update_post, lambda p: {
            "post": _post(p), "status": "closed", "open_from": _post(p).open_from, "post_subsidy": Decimal(1),
            "insurance_subsidy": Decimal(1), **_post_data()}),
        SweepWrite(services.place_person, lambda p: {"post": _post(p), "person": Person.objects.get(pk=p["person"].pk),
                                                     "started_on": timezone.localdate()}),
        SweepWrite(services.end_placement, lambda p: {"placement": _placement(p), "ended_on": timezone.localdate(),
                                                      "reason": "resigned"}),
    ],
    services=[services],
    not_swept={
        services.post_problems: "reads",
        services.placement_problems: "reads",
        # recognition.services.after_exit's hook: it runs inside a recognition's exit, whose service checks the
        # actor's permission and scope first (swept there); it is never called on its own.
        services.end_with_recognition: "a hook of the recognition's exit, which is swept",
    },
)
