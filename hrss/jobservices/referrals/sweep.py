"""The referrals part's rows of the scope sweep (merged by hrss/jobservices/sweep.py): a seeker of 下城社区 (张三)
referred to a vacancy of 下城社区, made with the other parts' services where they take these values, else directly."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.jobservices.models import Employer, JobSeeker, Referral, ReferralSequence, Vacancy
from hrss.jobservices.referrals import services

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]


def _seeker(personas):
    seeker = personas.get("seeker")
    if isinstance(seeker, JobSeeker) and seeker.status == JobSeeker.Status.ACTIVE:
        return seeker
    person, officer = personas["person"], personas["county_officer"]
    try:
        from hrss.jobservices.seekers import services as seeker_services

        return seeker_services.register_seeker(actor=officer, person=person, occupations=["4"], mobility="county",
                                               not_selective=True)
    except (ValidationError, TypeError):
        return JobSeeker.objects.create(person=person, region_code=person.region_code,
                                        registered_on=timezone.localdate(), not_selective=True, created_by=officer)


def _vacancy(personas):
    vacancy = personas.get("vacancy")
    if isinstance(vacancy, Vacancy) and vacancy.status == Vacancy.Status.OPEN and vacancy.headcount > 1:
        return vacancy
    officer = personas["county_officer"]
    employer = Employer.objects.create(name="下城社区推荐测试单位", org_code="MA0000017", region_code=VILLAGE,
                                       created_by=officer)
    return Vacancy.objects.create(employer=employer, region_code=VILLAGE, title="普工", occupation_code="6",
                                  headcount=5, opens_on=timezone.localdate() - datetime.timedelta(days=30),
                                  created_by=officer)


def objects(personas):
    seeker, vacancy = _seeker(personas), _vacancy(personas)
    referral = services.refer(actor=personas["county_officer"], seeker=seeker, vacancy=vacancy)
    return {"referral_seeker": seeker, "referral_vacancy": vacancy, "referral": referral}


def state():
    return [Referral, ReferralSequence, JobSeeker, Vacancy]


def _referral(personas):
    return Referral.objects.select_related("seeker__person", "vacancy__employer").get(pk=personas["referral"].pk)


ROWS = SweepRows(
    list_routes={
        "jobservices:referrals-list": {"outsiders": BOTH, "query": {}},
        "jobservices:referrals-export": {"outsiders": BOTH, "query": {}},
        "jobservices:referrals-kpi": {"outsiders": BOTH, "query": {}},
        # ?seeker= names a seeker: outside the scope 404 (tests/jobservices/referrals/test_pages.py).
        "jobservices:referrals-new": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "jobservices:referrals-list": {"outsiders": BOTH, "lists_people": True},
        "jobservices:referrals-export": {"outsiders": BOTH, "lists_people": True},
        "jobservices:referrals-kpi": {"outsiders": BOTH, "lists_people": False},  # figures; people on ?status=
    },
    object_routes={
        "jobservices:referrals-detail": ({"pk": "referral"}, BOTH, {}),
        "jobservices:referrals-outcome": ({"pk": "referral"}, BOTH, {"outcome": "not_hired",
                                                                     "outcome_on": "2026-06-15"}),
        "jobservices:referrals-letter": ({"pk": "referral"}, BOTH, {}),
    },
    api_reads={
        "/api/v1/referrals": {},
        "/api/v1/referrals/{referral_id}": {"referral_id": "referral"},
        "/api/v1/referrals/{referral_id}/letter.pdf": {"referral_id": "referral"},
        "/api/v1/kpi/job-offer-within-10-days/{region_code}/{month}": {"region_code": VILLAGE, "month": "2026-06"},
    },
    api_writes={
        "/api/v1/referrals": ({}, {"seeker_id": "referral_seeker", "vacancy_id": "referral_vacancy"}),
        "/api/v1/referrals/{referral_id}/outcome": ({"referral_id": "referral"}, {
            "outcome": "not_hired", "outcome_on": "2026-06-15"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.refer, lambda p: {"seeker": p["referral_seeker"], "vacancy": p["referral_vacancy"]}),
        SweepWrite(services.record_outcome, lambda p: {"referral": _referral(p), "outcome": "not_hired",
                                                       "outcome_on": timezone.localdate()}),
        # Printing writes only its audit entry, but the letter names the seeker, their age and phone.
        SweepWrite(services.letter_pdf, lambda p: {"referral": _referral(p)}),
    ],
    services=[services],
    not_swept={
        services.letter_number: "formats",
        services.next_sequence: "a step of refer, inside its transaction",
        services.assess: "reads (the seekers part's matching)",
        services.referral_problems: "reads",
        services.outcome_problems: "reads",
        services.letter_content: "reads (the letter's text, printed by letter_pdf)",
    },
)
