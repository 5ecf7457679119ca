"""The certification part's rows of the scope sweep (merged by hrss/pensions/sweep.py): every page, API operation
and write service of the part, tried by outsiders against 源城区's certification of this year (started by its
county officer, the window open today) holding 下城社区's pensioner 张三丰 (given a paying pension directly,
demo.paying_pension_directly) and retiree 张三妹."""

import datetime
from decimal import Decimal

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.pensions.certification import demo, services
from hrss.pensions.models import Certification, CertificationCampaign, Retiree, RetireeState
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for

COUNTY = "441602000000"  # 源城区
VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = datetime.timedelta(days=1)


def objects(personas):
    alice, carl = personas["village_assistant"], personas["county_officer"]
    today = timezone.localdate()
    village = Region.objects.get(code=VILLAGE)
    pensioner = residents_services.register_person(
        actor=alice, id_number=id_number_for("441602", datetime.date(today.year - 70, 2, 3), 771), name="张三丰",
        village=village, status="retired")[0]
    demo.paying_pension_directly(person=pensioner, actor=carl, first_month=datetime.date(today.year - 5, 3, 1))
    retired = residents_services.register_person(
        actor=alice, id_number=id_number_for("441602", datetime.date(today.year - 65, 4, 5), 782), name="张三妹",
        village=village, status="retired")[0]
    Retiree.objects.create(person=retired, region_code=VILLAGE, employer_name="河源市纺织厂",
                           retired_on=datetime.date(today.year - 10, 4, 30), pension_amount=Decimal("3000.00"),
                           state=RetireeState.MANAGED, managed_since=datetime.date(today.year - 9, 1, 1),
                           files_received_on=datetime.date(today.year - 9, 1, 1),
                           created_by=alice)
    campaign = services.start_campaign(actor=carl, region=Region.objects.get(code=COUNTY), year=today.year,
                                       opens_on=max(datetime.date(today.year, 1, 1), today - 10 * DAY),
                                       closes_on=today + 20 * DAY, today=today)
    services.ensure_rows(campaign, village)  # as the village's list would
    certification = Certification.objects.get(campaign=campaign, person=pensioner)
    return {"certification_campaign": campaign, "certification": certification}


def state():
    return [CertificationCampaign, Certification]


def _campaign(personas):
    return CertificationCampaign.objects.get(pk=personas["certification_campaign"].pk)


def _certification(personas):
    return Certification.objects.select_related("person", "campaign", "pension", "retiree").get(
        pk=personas["certification"].pk)


# A relative's statement: "visit" names a persona of another area (the sweep would send its primary key).
CERTIFY = {"method": "relative", "on": "2026-01-01", "relative_name": "越权", "relation": "越权"}

ROWS = SweepRows(
    list_routes={
        "pensions:certification-campaigns": {"outsiders": BOTH, "query": {}},
        "pensions:certification-campaign-new": {"outsiders": BOTH, "query": {}},
        "pensions:certification-people": {"outsiders": BOTH, "query": {}},
        "pensions:certification-reminders": {"outsiders": BOTH, "query": {}},
        "pensions:certification-ledger": {"outsiders": BOTH, "query": {}},
        "pensions:certification-ledger-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "pensions:certification-campaigns": {"outsiders": BOTH, "lists_people": False},
        "pensions:certification-people": {"outsiders": BOTH, "lists_people": True},
        "pensions:certification-reminders": {"outsiders": BOTH, "lists_people": True},
        "pensions:certification-ledger": {"outsiders": BOTH, "lists_people": True},
        "pensions:certification-ledger-export": {"outsiders": BOTH, "lists_people": True},
    },
    object_routes={
        "pensions:certification-campaign-detail": ({"pk": "certification_campaign"}, BOTH, {}),
        "pensions:certification-campaign-suspend": ({"pk": "certification_campaign"}, BOTH, {}),
        "pensions:certification-certify": ({"pk": "certification"}, BOTH, CERTIFY),
    },
    create_routes={
        "pensions:certification-campaign-new": (BOTH, {"region": COUNTY, "year": "2026", "opens_on": "2026-01-01",
                                                       "closes_on": "2026-12-31"}),
        "pensions:certification-reminders": (BOTH, {"region": VILLAGE}),
    },
    api_reads={
        "/api/v1/pensions/certification-campaigns": {},
        "/api/v1/pensions/certification-campaigns/{campaign_id}": {"campaign_id": "certification_campaign"},
        "/api/v1/pensions/certifications": {},
    },
    api_writes={
        "/api/v1/pensions/certification-campaigns": ({}, {"region_code": COUNTY, "year": 2027,
                                                          "opens_on": "2027-01-01", "closes_on": "2027-06-30"}),
        "/api/v1/pensions/certification-campaigns/{campaign_id}/suspend": (
            {"campaign_id": "certification_campaign"}, {}),
        "/api/v1/pensions/certifications/{certification_id}/certify": ({"certification_id": "certification"},
                                                                       CERTIFY),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.start_campaign, lambda p: {
            "region": Region.objects.get(code=COUNTY), "year": timezone.localdate().year + 1,
            "opens_on": datetime.date(timezone.localdate().year + 1, 1, 1),
            "closes_on": datetime.date(timezone.localdate().year + 1, 6, 30)}),
        SweepWrite(services.certify, lambda p: {"certification": _certification(p), "method": "visit",
                                                "on": timezone.localdate()}),
        SweepWrite(services.remind, lambda p: {"certifications": [_certification(p)]}),
        SweepWrite(services.suspend_uncertified, lambda p: {"campaign": _campaign(p)}),
    ],
    services=[services],
    not_swept={
        services.campaign_problems: "reads",
        services.certify_problems: "reads",
        services.ensure_rows: "no actor: gives the subjects of a region the page or API has already checked their "
                              "rows, which change nothing a user sees (a subject without one is 待认证)",
    },
)
