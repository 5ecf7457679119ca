"""The training part's rows of the scope sweep (merged by hrss/jobservices/sweep.py): a free course held in 下城社区
by 源城区's officer that ended five days ago, 张三's wish and his completed enrolment on it, and the course's subsidy
claim waiting at the county's handling. Read by the test suite only."""

import datetime

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import ReviewCase
from hrss.jobservices.models import Course, Enrolment, SubsidyClaim, SubsidyClaimLine, TrainingWish
from hrss.jobservices.training import services

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
COOK = "4-03-02-01"


def objects(personas):
    person, alice, officer = personas["person"], personas["village_assistant"], personas["county_officer"]
    today = timezone.localdate()
    starts, ends = today - datetime.timedelta(days=30), today - datetime.timedelta(days=5)
    wish = services.record_training_wish(actor=alice, person=person, occupation_code=COOK, kind="skills")
    course = services.create_course(actor=officer, name="下城社区中式烹调师培训班", provider_name="下城社区培训学校",
                                    kind="skills", occupation_code=COOK, region_code=VILLAGE, starts_on=starts,
                                    ends_on=ends, hours=60, places=20)
    enrolment = services.enrol(actor=officer, course=course, person=person, today=starts)
    services.complete(actor=officer, enrolment=enrolment, certificate_kind="skill_level",
                      certificate_number="S-XIACHENG-1", completed_on=ends)
    claim = services.prepare_subsidy_claim(actor=officer, course=course)
    second_wish = services.record_training_wish(actor=alice, person=person, occupation_code="4", kind="syb")
    return {"training_wish": wish, "training_open_wish": second_wish, "training_course": course,
            "training_enrolment": enrolment, "training_claim": claim}


def state():
    return [TrainingWish, Course, Enrolment, SubsidyClaim, SubsidyClaimLine,
            ReviewCase.objects.filter(case_type=services.TRAINING_SUBSIDY.case_type)]


def _get(model, personas, name):
    return model.objects.get(pk=personas[name].pk)


def _claim(personas):
    return SubsidyClaim.objects.select_related("case", "course").get(pk=personas["training_claim"].pk)


def _enrolment(personas):
    return Enrolment.objects.select_related("course", "person").get(pk=personas["training_enrolment"].pk)


COURSE = {"name": "越权培训班", "provider_name": "越权机构", "kind": "skills", "occupation_code": COOK,
          "region": VILLAGE, "starts_on": "2026-11-01", "ends_on": "2026-11-30", "hours": "10", "places": "5",
          "free": "on", "fee": "0"}

ROWS = SweepRows(
    list_routes={
        "jobservices:training-courses": {"outsiders": BOTH, "query": {}},
        "jobservices:training-courses-export": {"outsiders": BOTH, "query": {}},
        "jobservices:training-enrolments": {"outsiders": BOTH, "query": {}},
        "jobservices:training-enrolments-export": {"outsiders": BOTH, "query": {}},
        "jobservices:training-wishes": {"outsiders": BOTH, "query": {}},
        "jobservices:training-wishes-export": {"outsiders": BOTH, "query": {}},
        "jobservices:training-claims": {"outsiders": BOTH, "query": {}},
        "jobservices:training-kpi": {"outsiders": BOTH, "query": {}},
        "jobservices:training-kpi-people": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "jobservices:training-courses": {"outsiders": BOTH, "lists_people": False},  # courses, not people
        "jobservices:training-courses-export": {"outsiders": BOTH, "lists_people": False},
        "jobservices:training-enrolments": {"outsiders": BOTH, "lists_people": True},
        "jobservices:training-enrolments-export": {"outsiders": BOTH, "lists_people": True},
        "jobservices:training-wishes": {"outsiders": BOTH, "lists_people": True},
        "jobservices:training-wishes-export": {"outsiders": BOTH, "lists_people": True},
        "jobservices:training-kpi": {"outsiders": BOTH, "lists_people": False},  # counts only
        # 张三 is not rural labour in the sweep (no 户籍 recorded, a 居委会): tests/jobservices/training lists people.
        "jobservices:training-kpi-people": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "jobservices:training-course-detail": ({"pk": "training_course"}, BOTH, {}),
        "jobservices:training-course-enrol": ({"pk": "training_course"}, BOTH, {"id_number": "110101198001010011"}),
        "jobservices:training-claim-new": ({"pk": "training_course"}, BOTH, {"note": "越权"}),
        "jobservices:training-enrolment-attendance": ({"pk": "training_enrolment"}, BOTH, {"attended_hours": "1"}),
        "jobservices:training-enrolment-complete": ({"pk": "training_enrolment"}, BOTH, {}),
        "jobservices:training-enrolment-drop": ({"pk": "training_enrolment"}, BOTH, {"reason": "越权"}),
        "jobservices:training-wish-new": ({"person_pk": "person"}, BOTH, {"occupation_code": COOK, "kind": "syb"}),
        "jobservices:training-wish-withdraw": ({"pk": "training_open_wish"}, BOTH, {"reason": "越权"}),
        "jobservices:training-claim-detail": ({"pk": "training_claim"}, BOTH, {}),
        "jobservices:training-claim-act": ({"pk": "training_claim"}, BOTH, {"action": "reject", "version": "1",
                                                                            "reason": "越权"}),
    },
    create_routes={
        "jobservices:training-course-new": (BOTH, COURSE),
    },
    api_reads={
        "/api/v1/training/courses": {},
        "/api/v1/training/courses/{course_id}": {"course_id": "training_course"},
        "/api/v1/training/wishes": {},
        "/api/v1/training/claims": {},
        "/api/v1/training/claims/{claim_id}": {"claim_id": "training_claim"},
        "/api/v1/kpi/rural-training/{region_code}": {"region_code": VILLAGE},
    },
    api_writes={
        "/api/v1/training/courses": ({}, {**COURSE, "region_code": VILLAGE, "hours": 10, "places": 5, "free": True,
                                          "fee": 0}),
        "/api/v1/training/courses/{course_id}/enrolments": ({"course_id": "training_course"}, {"person_id": "person"}),
        "/api/v1/training/enrolments/{enrolment_id}/completion": ({"enrolment_id": "training_enrolment"}, {}),
        "/api/v1/training/enrolments/{enrolment_id}/attendance": ({"enrolment_id": "training_enrolment"},
                                                                  {"attended_hours": 1}),
        "/api/v1/training/enrolments/{enrolment_id}/drop": ({"enrolment_id": "training_enrolment"},
                                                            {"reason": "越权"}),
        "/api/v1/training/wishes": ({}, {"person_id": "person", "occupation_code": COOK, "kind": "syb"}),
        "/api/v1/training/wishes/{wish_id}/withdrawal": ({"wish_id": "training_open_wish"}, {"reason": "越权"}),
        "/api/v1/training/courses/{course_id}/claims": ({"course_id": "training_course"}, {}),
        "/api/v1/training/claims/{claim_id}/decisions": ({"claim_id": "training_claim"},
                                                         {"action": "withdraw", "version": 1, "reason": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.record_training_wish, lambda p: {"person": p["person"], "occupation_code": COOK,
                                                             "kind": "syb"}),
        SweepWrite(services.withdraw_training_wish, lambda p: {"wish": _get(TrainingWish, p, "training_open_wish")}),
        SweepWrite(services.create_course, lambda p: {
            "name": "越权培训班", "provider_name": "越权机构", "kind": "skills", "occupation_code": COOK,
            "region_code": VILLAGE, "starts_on": datetime.date(2026, 11, 1), "ends_on": datetime.date(2026, 11, 30),
            "hours": 10, "places": 5}),
        SweepWrite(services.enrol, lambda p: {"course": _get(Course, p, "training_course"), "person": p["person"]}),
        SweepWrite(services.record_attendance, lambda p: {"enrolment": _enrolment(p), "attended_hours": 1}),
        SweepWrite(services.complete, lambda p: {"enrolment": _enrolment(p)}),
        SweepWrite(services.drop, lambda p: {"enrolment": _enrolment(p)}),
        SweepWrite(services.prepare_subsidy_claim, lambda p: {"course": _get(Course, p, "training_course")}),
        SweepWrite(services.decide_subsidy_claim, lambda p: {
            "claim": _claim(p), "action": "reject", "version": _claim(p).case.version, "reason": "越权"}),
    ],
    services=[services],
    not_swept={
        services.occupation_problem: "reads",
        services.latest_course_end: "reads dated configuration",
        services.occupation_label: "reads",
        services.occupations_match: "compares two codes",
        services.course_problems: "reads",
        services.places_taken: "reads",
        services.matching_open_wishes: "reads",
        services.claimable_enrolments: "reads",
        services.is_preparing_office: "reads",
    },
)
