"""The promises part's rows of the scope sweep (merged in hrss/supervision/sweep.py): every page, API operation and
write service of the part, tried by outsiders against 下城社区's objects made here: a 一次性告知书 given to 张三 at
下城社区's window. The catalogue itself holds no region's data: the same answer for everyone."""

from django.utils import timezone

from hrss.core import catalogue
from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.supervision.models import NoticeSlip
from hrss.supervision.promises import services

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
SERVICE = "employment/unemployment_registration"


def _first_document():
    return catalogue.service(SERVICE).documents_on(timezone.localdate())[0].name


def objects(personas):
    slip = services.give_notice_slip(actor=personas["village_assistant"], region=Region.objects.get(code=VILLAGE),
                                     service_code=SERVICE, citizen_name="张三", missing=[_first_document()])
    return {"promises_slip": slip}


def state():
    return [NoticeSlip]


ROWS = SweepRows(
    list_routes={
        "supervision:promises-services": {"outsiders": BOTH, "query": {}},
        "supervision:promises-notice": {"outsiders": BOTH, "query": {"service": SERVICE}},
        "supervision:promises-slips": {"outsiders": BOTH, "query": {}},
        "supervision:promises-promise": {"outsiders": BOTH, "query": {}},
        "supervision:promises-promise-cases": {"outsiders": BOTH, "query": {"service": SERVICE}},
        "supervision:promises-overdue": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "supervision:promises-notice": {"outsiders": BOTH, "lists_people": False},
        "supervision:promises-slips": {"outsiders": BOTH, "lists_people": True},
        "supervision:promises-promise": {"outsiders": BOTH, "lists_people": False},
        "supervision:promises-promise-cases": {"outsiders": BOTH, "lists_people": False},
        "supervision:promises-overdue": {"outsiders": BOTH, "lists_people": False},
    },
    object_routes={
        "supervision:promises-slip": ({"pk": "promises_slip"}, BOTH, {}),
    },
    create_routes={
        "supervision:promises-notice": (BOTH, {"service": SERVICE, "region": VILLAGE, "citizen_name": "越权",
                                               "other": "越权"}),
    },
    api_reads={
        "/api/v1/supervision/notice-slips": {},
        "/api/v1/supervision/promise-figures": {},
        "/api/v1/supervision/overdue-cases": {},
    },
    api_unscoped_reads={
        "/api/v1/supervision/services": ({}, "the service catalogue (documents, promises, legal basis): declared "
                                             "in code, no region's data"),
    },
    api_writes={
        "/api/v1/supervision/notice-slips": ({}, {"region_code": VILLAGE, "service_code": SERVICE,
                                                   "citizen_name": "越权", "other": "越权"}),
    },
    objects=objects,
    state=state,
    writes=[
        SweepWrite(services.give_notice_slip, lambda p: {
            "region": Region.objects.get(code=VILLAGE), "service_code": SERVICE, "citizen_name": "越权",
            "missing": [_first_document()]}),
    ],
    services=[services],
    not_swept={services.slip_problems: "reads only: the checks give_notice_slip runs before writing"},
)
