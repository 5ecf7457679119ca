"""The appraisal part's rows of the scope sweep (merged in hrss/supervision/sweep.py). The pages show the figures of
the review cases the other areas' sweep objects made in 下城社区 (alice's intake among them), so an outsider's page
must name neither. A village assistant does not appraise (APPRAISAL_VIEW is the township's and above): the
neighbouring county's officer is the outsider of the pages; the neighbouring village's assistant is refused by
permission (tests/supervision/appraisal/test_pages.py). Locking a month is the county's: 源城区's, tried by both."""

import datetime

from django.utils import timezone

from hrss.core.areas import SweepRows, SweepWrite
from hrss.core.models import Region
from hrss.supervision.appraisal import services
from hrss.supervision.models import AppraisalLock

COUNTY = "441602000000"  # 源城区
OUTSIDE_COUNTY = ["neighbour_county_officer"]


def _last_month():
    return (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


ROWS = SweepRows(
    list_routes={
        "supervision:appraisal": {"outsiders": OUTSIDE_COUNTY, "query": {}},
        "supervision:appraisal-staff": {"outsiders": OUTSIDE_COUNTY, "query": {}},
        "supervision:appraisal-cases": {"outsiders": OUTSIDE_COUNTY, "query": {}},
        "supervision:appraisal-export": {"outsiders": OUTSIDE_COUNTY, "query": {}},
    },
    create_routes={
        "supervision:appraisal-lock": (OUTSIDE_COUNTY, {"region": COUNTY, "month": f"{_last_month():%Y-%m}"}),
    },
    # The county's figures: its officer reads them; the neighbouring county's cannot name it (404).
    api_reads={
        "/api/v1/supervision/appraisal": {"query": {"region": COUNTY}, "insider": "county_officer",
                                          "outsiders": OUTSIDE_COUNTY},
        "/api/v1/supervision/appraisal/staff": {"query": {"region": COUNTY}, "insider": "county_officer",
                                                "outsiders": OUTSIDE_COUNTY},
    },
    state=lambda: [AppraisalLock],
    writes=[
        SweepWrite(services.lock_month, lambda p: {"region": Region.objects.get(code=COUNTY), "month": _last_month()}),
    ],
    services=[services],
    not_swept={services.lock_problems: "reads"},
)
