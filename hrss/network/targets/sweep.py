"""The targets part's rows of the scope sweep (merged in hrss/network/sweep.py): every page, API operation and write
service of the part, tried by outsiders against 下城社区: the figures of its region, and the people who missed a
target there, among them a second 张三 made here (the first is insured by the other areas' sweep objects), 30 years
old and in no pension scheme, who misses 五个100%之五."""

import datetime

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.dates import years_before
from hrss.core.models import Region
from hrss.network.models import TargetSnapshot
from hrss.network.targets import services
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
TARGET = "insurance_services"
PAST_MONTH = "2024-01"  # a month before every clock the suite runs at


def objects(personas):
    birth = years_before(timezone.localdate(), 30).replace(day=1)
    person = residents_services.register_person(
        actor=personas["village_assistant"], id_number=id_number_for("441602", birth, 517), name="张三",
        village=Region.objects.get(code=VILLAGE), status="farming")[0]
    return {"targets_uninsured_person": person}


def state():
    return [TargetSnapshot]


def _month():
    return datetime.date.fromisoformat(f"{PAST_MONTH}-01")


ROWS = SweepRows(
    list_routes={
        "network:targets-index": {"outsiders": BOTH, "query": {}},
        "network:targets-missed": {"outsiders": BOTH, "query": {"target": TARGET}},
    },
    region_param_routes={
        "network:targets-index": {"outsiders": BOTH, "lists_people": False},
        "network:targets-missed": {"outsiders": BOTH, "lists_people": True},
    },
    create_routes={
        "network:targets-recompute": (BOTH, {"region": VILLAGE, "month": PAST_MONTH}),
    },
    api_reads={
        "/api/v1/network/targets": {"params": {}, "query": {"region": VILLAGE}},
        "/api/v1/network/targets/missed": {"params": {}, "query": {"region": VILLAGE, "target": TARGET}},
    },
    api_writes={
        "/api/v1/network/targets/recompute": ({}, {"region_code": VILLAGE, "month": PAST_MONTH}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.recompute, lambda p: {"region": Region.objects.get(code=VILLAGE), "month": _month()}),
    ],
    services=[services],
)
