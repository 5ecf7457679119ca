"""The referrals part's rows of the scope sweep (merged by hrss/jobservices/sweep.py): the seekers part's 张三 of
下城社区 referred to the employers part's vacancy of 下城社区."""

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.jobservices.models import JobSeeker, Referral, ReferralSequence, Vacancy
from hrss.jobservices.referrals import services

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]


def objects(personas):
    """张三's 求职登记 (the seekers part's object) referred to the vacancy of 下城社区 (the employers part's)."""
    seeker, vacancy = personas["seeker"], personas["vacancy"]
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
        "/api/v1/kpi/free-employment-services/{region_code}": {"region_code": VILLAGE},
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
