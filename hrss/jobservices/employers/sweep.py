"""The employers part's rows of the scope sweep (merged by hrss/jobservices/sweep.py): its routes, API operations
and write services, tried by outsiders against an employer and a vacancy of 下城社区. Read by the test suite only."""

import datetime

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.jobservices.codes import complete_uscc
from hrss.jobservices.employers import services
from hrss.jobservices.models import Employer, Vacancy

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
USCC = complete_uscc("91441602MA4XC0010")
OPENS = datetime.date(2026, 6, 1)  # in refused writes only: the outsider is refused before the date is read


def objects(personas):
    alice = personas["village_assistant"]
    employer, _ = services.register_employer(actor=alice, name="下城社区张三超市", uscc=USCC, region_code=VILLAGE,
                                             contact_person="张三")
    vacancy = services.add_vacancy(actor=alice, employer=employer, title="下城社区收银员", occupation_code="4-01-02-04",
                                   headcount=2, opens_on=timezone.localdate() - datetime.timedelta(days=14))
    return {"employer": employer, "vacancy": vacancy}


def state():
    return [Employer, Vacancy]


def _employer(personas):
    return Employer.objects.get(pk=personas["employer"].pk)


def _vacancy(personas):
    return Vacancy.objects.select_related("employer").get(pk=personas["vacancy"].pk)


ROWS = SweepRows(
    list_routes={
        "jobservices:employers-list": {"outsiders": BOTH, "query": {}},
        "jobservices:employers-vacancies": {"outsiders": BOTH, "query": {}},
        "jobservices:employers-export": {"outsiders": BOTH, "query": {}},
        "jobservices:employers-vacancies-export": {"outsiders": BOTH, "query": {}},
        # Not a region's data: the national classification and the blank template.
        "jobservices:employers-occupations": {"outsiders": BOTH, "query": {"q": "收银"}},
        "jobservices:employers-vacancy-template": {"outsiders": BOTH, "query": {}},
        # The user's own last import's rejected rows (kept in their session).
        "jobservices:employers-vacancy-import-errors": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "jobservices:employers-list": {"outsiders": BOTH, "lists_people": True},  # 张三超市
        "jobservices:employers-vacancies": {"outsiders": BOTH, "lists_people": False},
        "jobservices:employers-export": {"outsiders": BOTH, "lists_people": True},
        "jobservices:employers-vacancies-export": {"outsiders": BOTH, "lists_people": True},
    },
    object_routes={
        "jobservices:employers-detail": ({"pk": "employer"}, BOTH, {}),
        "jobservices:employers-edit": ({"pk": "employer"}, BOTH, {"name": "被篡改", "uscc": USCC,
                                                                  "region": VILLAGE}),
        "jobservices:employers-vacancy-new": ({"employer_pk": "employer"}, BOTH, {
            "title": "越权", "occupation": "4-01-02-04", "headcount": "1", "opens_on": "2026-06-01"}),
        "jobservices:employers-vacancy-import": ({"employer_pk": "employer"}, BOTH, {}),
        "jobservices:employers-vacancy-detail": ({"pk": "vacancy"}, BOTH, {}),
        "jobservices:employers-vacancy-edit": ({"pk": "vacancy"}, BOTH, {
            "title": "越权", "occupation": "4-01-02-04", "headcount": "1", "opens_on": "2026-06-01"}),
        "jobservices:employers-vacancy-close": ({"pk": "vacancy"}, BOTH, {}),
    },
    create_routes={
        "jobservices:employers-new": (BOTH, {"name": "越权单位", "uscc": complete_uscc("91441602MA4XC0011"),
                                             "region": VILLAGE}),
    },
    api_reads={
        "/api/v1/employers": {},
        "/api/v1/employers/{employer_id}": {"employer_id": "employer"},
        "/api/v1/vacancies": {},
        "/api/v1/vacancies/{vacancy_id}": {"vacancy_id": "vacancy"},
    },
    api_unscoped_reads={
        "/api/v1/occupations": ({}, "the national classification"),
        "/api/v1/uscc/{code}": ({"code": "91441602MA4XC00114"}, "a code checked against GB 32100 / GB 11714"),
    },
    api_writes={
        "PATCH /api/v1/employers/{employer_id}": ({"employer_id": "employer"}, {"name": "被篡改"}),
        "PATCH /api/v1/vacancies/{vacancy_id}": ({"vacancy_id": "vacancy"}, {"title": "被篡改"}),
        "/api/v1/employers": ({}, {"name": "越权单位", "uscc": complete_uscc("91441602MA4XC0012"),
                                   "region_code": VILLAGE}),
        "/api/v1/vacancies": ({}, {"employer_id": "employer", "title": "越权", "occupation_code": "4-01-02-04",
                                   "headcount": 1, "opens_on": "2026-06-01"}),
        "/api/v1/vacancies/{vacancy_id}/close": ({"vacancy_id": "vacancy"}, {}),
        "/api/v1/employers/{employer_id}/vacancy-imports": ({"employer_id": "employer"}, {}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.register_employer, lambda p: {
            "name": "越权单位", "uscc": complete_uscc("91441602MA4XC0013"), "region_code": VILLAGE}),
        SweepWrite(services.update_employer, lambda p: {"employer": _employer(p), "name": "被篡改"}),
        SweepWrite(services.add_vacancy, lambda p: {
            "employer": _employer(p), "title": "越权", "occupation_code": "4-01-02-04", "headcount": 1,
            "opens_on": OPENS}),
        SweepWrite(services.update_vacancy, lambda p: {"vacancy": _vacancy(p), "title": "越权"}),
        SweepWrite(services.close_vacancy, lambda p: {"vacancy": _vacancy(p)}),
        SweepWrite(services.import_vacancies, lambda p: {"employer": _employer(p), "path": "unread.csv"}),
    ],
    services=[services],
    not_swept={
        services.take_place: "a step of the referrals part's hire, inside its transaction (its caller is swept)",
        services.referral_problems: "reads",
        services.industry_problem: "reads: explains a refused industry code",
        services.latest_opening: "reads dated configuration",
        services.nfkc: "normalises text",
        services.vacancy_problems: "reads: checks values",
        services.uscc_area_warnings: "reads",
        services.sex_reasons: "reads configuration",
        services.retirement_age_limit: "reads configuration",
    },
)
