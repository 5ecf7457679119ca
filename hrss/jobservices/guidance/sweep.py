"""The guidance part's rows of the scope sweep (merged by hrss/jobservices/sweep.py): its pages, API operations
and write services, tried by the neighbouring village's assistant and the neighbouring county's officer against
a guidance record of 张三 (下城社区) and a fair in 下城社区 with a vacancy of 下城社区 and 张三 registered at it."""

import datetime

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.jobservices.guidance import services
from hrss.jobservices.models import (
    Employer,
    FairAttendance,
    FairVacancy,
    GuidanceRecord,
    JobFair,
    Vacancy,
)

VILLAGE = "441602001003"  # 下城社区
TOWNSHIP = "441602001000"  # 上城街道
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = datetime.date(2026, 6, 1)  # for refused writes only: the outsider is refused before the date is read


def objects(personas):
    person, alice, officer = personas["person"], personas["village_assistant"], personas["county_officer"]
    day = timezone.localdate() - datetime.timedelta(days=14)  # past, whatever instant the suite runs at
    record = services.record_guidance(actor=alice, person=person, given_on=day, topic="job_search",
                                      advice="下城社区的指导意见", next_step="fair")
    # Made in the village itself, not through plan_fair (which holds fairs at a township or above): the sweep's
    # insider is the village's assistant, who sees only what lies in 下城社区.
    fair = JobFair.objects.create(name="下城社区专场招聘会", region_code=VILLAGE, held_on=day, created_by=officer)
    # The guidance part's own vacancy (the employers part's objects may come with other names).
    employer = Employer.objects.create(name="下城社区的招聘单位", uscc="", org_code="XC0000017",
                                       region_code=VILLAGE, created_by=officer)
    vacancy = Vacancy.objects.create(employer=employer, region_code=VILLAGE, title="下城社区的岗位",
                                     occupation_code="4-02", headcount=3, opens_on=day, created_by=officer)
    services.add_fair_vacancy(actor=officer, fair=fair, vacancy=vacancy)
    services.record_attendance(actor=officer, fair=fair, person=person)
    return {"guidance_record": record, "fair": fair, "fair_vacancy": vacancy}


def state():
    return [GuidanceRecord, JobFair, FairVacancy, FairAttendance]


def _record(personas):
    return GuidanceRecord.objects.select_related("person").get(pk=personas["guidance_record"].pk)


def _fair(personas):
    return JobFair.objects.get(pk=personas["fair"].pk)


def _vacancy(personas):
    return Vacancy.objects.select_related("employer").get(pk=personas["fair_vacancy"].pk)


GUIDANCE_BODY = {"person_id": "person", "given_on": "2026-06-01", "topic": "policy", "advice": "越权",
                 "next_step": "none"}

ROWS = SweepRows(
    list_routes={
        "jobservices:guidance-list": {"outsiders": BOTH, "query": {}},
        "jobservices:guidance-export": {"outsiders": BOTH, "query": {}},
        "jobservices:fairs-list": {"outsiders": BOTH, "query": {}},
        "jobservices:fairs-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "jobservices:guidance-list": {"outsiders": BOTH, "lists_people": True},
        "jobservices:guidance-export": {"outsiders": BOTH, "lists_people": True},
        "jobservices:fairs-list": {"outsiders": BOTH, "lists_people": False},  # fairs, no people
        "jobservices:fairs-export": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "jobservices:guidance-new": ({"person_pk": "person"}, BOTH, {
            "given_on": "2026-06-01", "topic": "policy", "advice": "越权", "next_step": "none"}),
        "jobservices:guidance-detail": ({"pk": "guidance_record"}, BOTH, {
            "given_on": "2026-06-01", "topic": "other", "advice": "越权更正", "next_step": "none"}),
        "jobservices:fairs-detail": ({"pk": "fair"}, BOTH, {}),
        "jobservices:fairs-vacancy-add": ({"pk": "fair"}, BOTH, {"vacancy": "fair_vacancy"}),
        "jobservices:fairs-vacancy-remove": ({"pk": "fair"}, BOTH, {"vacancy": "1"}),
        "jobservices:fairs-attendance": ({"pk": "fair"}, BOTH, {"id_number": "441602198001010011"}),
        "jobservices:fairs-visitors": ({"pk": "fair"}, BOTH, {"walk_in_count": "999"}),
        "jobservices:fairs-cancel": ({"pk": "fair"}, BOTH, {"reason": "越权"}),
        "jobservices:fairs-edit": ({"pk": "fair"}, BOTH, {"name": "越权", "held_on": "2026-06-01"}),
    },
    create_routes={
        "jobservices:fairs-new": (BOTH, {"region": TOWNSHIP, "name": "越权招聘会", "held_on": "2026-06-20"}),
    },
    api_reads={
        "/api/v1/guidance": {},  # the caller's own region's: empty for an outsider
        "/api/v1/guidance/{record_id}": {"record_id": "guidance_record"},
        "/api/v1/job-fairs": {},
        "/api/v1/job-fairs/{fair_id}": {"fair_id": "fair"},
    },
    api_writes={
        "/api/v1/guidance": ({}, GUIDANCE_BODY),
        "/api/v1/guidance/{record_id}/correction": ({"record_id": "guidance_record"}, GUIDANCE_BODY),
        "/api/v1/job-fairs": ({}, {"region_code": TOWNSHIP, "name": "越权招聘会", "held_on": "2026-06-20"}),
        "/api/v1/job-fairs/{fair_id}/vacancies": ({"fair_id": "fair"}, {"vacancy_id": "fair_vacancy"}),
        "/api/v1/job-fairs/{fair_id}/vacancies/removal": ({"fair_id": "fair"}, {"vacancy_id": "fair_vacancy"}),
        "/api/v1/job-fairs/{fair_id}/attendance": ({"fair_id": "fair"}, {"person_id": "person"}),
        "/api/v1/job-fairs/{fair_id}/visitors": ({"fair_id": "fair"}, {"walk_in_count": 999}),
        "/api/v1/job-fairs/{fair_id}/cancellation": ({"fair_id": "fair"}, {"reason": "越权"}),
        "/api/v1/job-fairs/{fair_id}/correction": ({"fair_id": "fair"}, {"name": "越权", "held_on": "2026-06-01"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.record_guidance, lambda p: {
            "person": p["person"], "given_on": DAY, "topic": "policy", "advice": "越权", "next_step": "none"}),
        SweepWrite(services.correct_guidance, lambda p: {
            "record": _record(p), "given_on": DAY, "topic": "other", "advice": "越权更正", "next_step": "none"}),
        SweepWrite(services.plan_fair, lambda p: {"region_code": TOWNSHIP, "name": "越权招聘会", "held_on": DAY}),
        SweepWrite(services.add_fair_vacancy, lambda p: {"fair": _fair(p), "vacancy": _vacancy(p)}),
        SweepWrite(services.remove_fair_vacancy, lambda p: {"fair": _fair(p), "vacancy": _vacancy(p)}),
        SweepWrite(services.record_attendance, lambda p: {"fair": _fair(p), "person": p["person"]}),
        SweepWrite(services.set_visitor_count, lambda p: {"fair": _fair(p), "walk_in_count": 999}),
        SweepWrite(services.update_fair, lambda p: {"fair": _fair(p), "name": "越权", "held_on": DAY}),
        SweepWrite(services.cancel_fair, lambda p: {"fair": _fair(p), "reason": "越权"}),
    ],
    services=[services],
    not_swept={
        services.guidance_problems: "reads",
        services.fair_vacancy_problems: "reads",
        services.is_recording_office: "reads",
        services.fair_referral_problems: "reads (the referrals part's check before its transaction)",
    },
)
