"""The campaigns part's rows of the scope sweep (merged by hrss/assistance/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's own 就业援助月 (made by alice)."""

import datetime

from django.utils import timezone

from hrss.assistance.campaigns import services
from hrss.assistance.models import Campaign
from hrss.core.areas import SweepRows, SweepWrite

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
DAY = datetime.date(2026, 1, 1)


def objects(personas):
    today = timezone.localdate()
    campaign = services.create_campaign(actor=personas["village_assistant"], name="下城社区就业援助月",
                                        region_code=VILLAGE, starts_on=today - datetime.timedelta(days=10),
                                        ends_on=today + datetime.timedelta(days=20), targets={"visits": 10})
    return {"campaign": campaign}


def state():
    return [Campaign]


def _campaign(personas):
    return Campaign.objects.get(pk=personas["campaign"].pk)


FORM = {"name": "越权", "starts_on": "2026-01-01", "ends_on": "2026-01-31", "target_visits": "1"}

ROWS = SweepRows(
    list_routes={
        "assistance:campaigns-list": {"outsiders": BOTH, "query": {}},
        "assistance:campaigns-new": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "assistance:campaigns-list": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "assistance:campaigns-detail": ({"pk": "campaign"}, BOTH, {}),
        "assistance:campaigns-export": ({"pk": "campaign"}, BOTH, {}),
        "assistance:campaigns-records": ({"pk": "campaign", "measure": "visits"}, BOTH, {}),
        "assistance:campaigns-edit": ({"pk": "campaign"}, BOTH, FORM),
    },
    create_routes={
        "assistance:campaigns-new": (BOTH, {**FORM, "region": VILLAGE}),
    },
    api_reads={
        "/api/v1/assistance/campaigns": {},
        "/api/v1/assistance/campaigns/{campaign_id}": {"campaign_id": "campaign"},
    },
    api_writes={
        "/api/v1/assistance/campaigns": ({}, {"name": "越权", "region_code": VILLAGE, "starts_on": "2026-01-01",
                                             "ends_on": "2026-01-31", "targets": {"visits": 1}}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.create_campaign, lambda p: {"name": "越权", "region_code": VILLAGE, "starts_on": DAY,
                                                        "ends_on": DAY, "targets": {}}),
        SweepWrite(services.update_campaign, lambda p: {"campaign": _campaign(p), "name": "越权", "starts_on": DAY,
                                                        "ends_on": DAY, "targets": {}}),
    ],
    services=[services],
    not_swept={services.campaign_problems: "reads"},
)
