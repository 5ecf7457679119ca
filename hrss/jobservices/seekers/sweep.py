"""The seekers part's rows of the scope sweep (merged by hrss/jobservices/sweep.py): its pages, API operations and
write services, tried by outsiders against 张三's 求职登记 in 下城社区 and the employers part's vacancy there. Read
by the test suite only."""

from hrss.core.areas import SweepRows, SweepWrite
from hrss.jobservices.models import JobSeeker, WantedOccupation
from hrss.jobservices.seekers import services

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
SEEKER_FORM = {"occupations": "4-01-02-04", "mobility": "county", "not_selective": "on"}


def objects(personas):
    seeker = services.register_seeker(actor=personas["village_assistant"], person=personas["person"],
                                      occupations=["4-01-02-04"], mobility="county", not_selective=True,
                                      wage_min=2500, phone="13800000000")
    return {"seeker": seeker}


def state():
    return [JobSeeker, WantedOccupation]


def _seeker(personas):
    return JobSeeker.objects.select_related("person").get(pk=personas["seeker"].pk)


ROWS = SweepRows(
    list_routes={
        "jobservices:seekers-list": {"outsiders": BOTH, "query": {}},
        "jobservices:seekers-export": {"outsiders": BOTH, "query": {}},
        "jobservices:seekers-from-unemployment": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "jobservices:seekers-list": {"outsiders": BOTH, "lists_people": True},
        "jobservices:seekers-export": {"outsiders": BOTH, "lists_people": True},
        # 张三's 失业登记 is under review in the sweep's data, not registered: the page does not list him.
        "jobservices:seekers-from-unemployment": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "jobservices:seekers-new": ({"person_pk": "person"}, BOTH, SEEKER_FORM),
        "jobservices:seekers-detail": ({"pk": "seeker"}, BOTH, {}),
        "jobservices:seekers-edit": ({"pk": "seeker"}, BOTH, SEEKER_FORM),
        "jobservices:seekers-end": ({"pk": "seeker"}, BOTH, {"reason": "withdrawn"}),
        "jobservices:seekers-vacancy-matches": ({"vacancy_pk": "vacancy"}, BOTH, {}),
    },
    api_reads={
        "/api/v1/seekers": {},  # the caller's scope: empty for an outsider
        "/api/v1/seekers/{seeker_id}": {"seeker_id": "seeker"},
        "/api/v1/seekers/{seeker_id}/matches": {"seeker_id": "seeker"},
        "/api/v1/vacancies/{vacancy_id}/matches": {"vacancy_id": "vacancy"},
    },
    # PATCH /seekers/{id} shares its path with the GET above (the sweep POSTs its writes): it fetches through
    # scoping.get_visible_or_404 like the GET, and update_seeker is swept below.
    api_writes={
        "/api/v1/seekers": ({}, {"person_id": "person", "occupations": ["4-01"], "mobility": "county",
                                 "not_selective": True}),
        "/api/v1/seekers/{seeker_id}/end": ({"seeker_id": "seeker"}, {"reason": "withdrawn"}),
        "PATCH /api/v1/seekers/{seeker_id}": ({"seeker_id": "seeker"}, {"not_selective": False}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.register_seeker, lambda p: {"person": p["person"], "occupations": ["4-01"],
                                                        "mobility": "county", "not_selective": True}),
        SweepWrite(services.update_seeker, lambda p: {"seeker": _seeker(p), "occupations": ["6"],
                                                      "mobility": "anywhere", "not_selective": False}),
        SweepWrite(services.end_seeking, lambda p: {"seeker": _seeker(p), "reason": "withdrawn"}),
    ],
    services=[services],
    not_swept={
        services.person_problems: "reads",
        services.occupation_problems: "reads",
        services.latest_available_from: "reads dated configuration",
    },
)
