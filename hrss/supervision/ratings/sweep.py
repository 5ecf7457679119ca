"""The ratings part's rows of the scope sweep (merged in hrss/supervision/sweep.py): every page, API operation and
write service of the part, tried by outsiders against objects of 下城社区 made here: a review case of 张三 decided
there (so it has its rating code), rated 非常不满意, which opened a complaint at 上城街道 about alice who took it in.
The public rating page is in the sweep's PUBLIC_ROUTES: it lists nothing of a region."""

from django.utils import timezone

from hrss.core import review
from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import ReviewCase
from hrss.supervision.models import Complaint, Rating, RatingCode
from hrss.supervision.ratings import services

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = "2026-01-01"


def objects(personas):
    alice = personas["village_assistant"]
    chain = review.registered_chains()[0]
    # Made as a decided case stands in the database (the chain's own moves are swept by core's rows); its code as
    # core.review's hook gives it.
    case = ReviewCase.objects.create(
        case_type=chain.case_type, region_code=VILLAGE, subject_id_number="", title=f"张三 {chain.label}",
        status=ReviewCase.Status.APPROVED, step=chain.steps[-1].key, step_started_on=timezone.localdate(),
        opened_by=alice, closed_at=timezone.now())
    code = services.code_for_closed_case(case)
    rating = services.rate(code=code.code, score=1, reason="张三：窗口等了两个小时")
    return {"ratings_case": case, "ratings_code": code, "ratings_rating": rating,
            "ratings_complaint": Complaint.objects.get(rating=rating)}


def state():
    return [RatingCode, Rating, Complaint]


def _case(personas):
    return ReviewCase.objects.get(pk=personas["ratings_case"].pk)


def _complaint(personas):
    return Complaint.objects.get(pk=personas["ratings_complaint"].pk)


ROWS = SweepRows(
    list_routes={
        "supervision:ratings-ledger": {"outsiders": BOTH, "query": {}},
        "supervision:ratings-ledger-export": {"outsiders": BOTH, "query": {}},
        "supervision:ratings-offices": {"outsiders": BOTH, "query": {}},
        "supervision:ratings-completed": {"outsiders": BOTH, "query": {}},
        "supervision:ratings-complaints": {"outsiders": BOTH, "query": {}},
        "supervision:ratings-complaints-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "supervision:ratings-ledger": {"outsiders": BOTH, "lists_people": True},
        "supervision:ratings-ledger-export": {"outsiders": BOTH, "lists_people": True},
        "supervision:ratings-offices": {"outsiders": BOTH, "lists_people": False},
        "supervision:ratings-completed": {"outsiders": BOTH, "lists_people": True},
        # The village's own complaints are its township's to handle: none listed for alice.
        "supervision:ratings-complaints": {"outsiders": BOTH, "lists_people": False},
        "supervision:ratings-complaints-export": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "supervision:ratings-slip": ({"pk": "ratings_case"}, BOTH, {}),
        "supervision:ratings-complaint": ({"pk": "ratings_complaint"}, BOTH, {}),
        "supervision:ratings-complaint-reply": ({"pk": "ratings_complaint"}, BOTH,
                                                {"reply": "越权", "outcome": "unfounded"}),
    },
    create_routes={
        "supervision:ratings-complaint-new": (BOTH, {"office": VILLAGE, "origin": "phone", "received_on": DAY,
                                                     "text": "越权"}),
    },
    api_reads={
        "/api/v1/supervision/ratings": {},
        "/api/v1/supervision/complaints": {},
    },
    api_writes={
        "/api/v1/supervision/complaints": ({}, {"office_code": VILLAGE, "origin": "phone", "text": "越权",
                                                "received_on": DAY}),
        "/api/v1/supervision/complaints/{complaint_id}/reply": ({"complaint_id": "ratings_complaint"},
                                                                {"reply": "越权", "outcome": "unfounded"}),
        # A read, swept here for its outsiders' 404 only: the sweep's reads check alice gets it, but a complaint is
        # its township's (never the village's, nor the person's it is about); tests/supervision/ratings/test_api.py
        # reads it as the township.
        "GET /api/v1/supervision/complaints/{complaint_id}": ({"complaint_id": "ratings_complaint"}, {}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.issue_case_code, lambda p: {"case": _case(p)}),
        SweepWrite(services.record_slip_printed, lambda p: {"case": _case(p)}),
        SweepWrite(services.record_complaint, lambda p: {"office_code": VILLAGE, "origin": "phone", "text": "越权",
                                                         "received_on": timezone.localdate()}),
        SweepWrite(services.reply_complaint, lambda p: {"complaint": _complaint(p), "reply": "越权",
                                                        "outcome": "unfounded"}),
    ],
    services=[services],
    not_swept={
        services.issue_code: "a step inside the calling service's transaction, after that service's checks",
        services.code_for_closed_case: "core.review's hook, inside the closing move's transaction after check_move",
        services.rate: "the citizen's, on the public page: no account, proved by the code on their receipt",
        services.fill_missing_due_dates: "a hook run inside load_arrangement's transaction, for the whole deployment",
        services.normalise_code: "reads",
        services.code_to_rate: "reads",
        services.rating_problems: "reads",
        services.complaint_problems: "reads",
        services.handling_office_of: "reads",
    },
)
