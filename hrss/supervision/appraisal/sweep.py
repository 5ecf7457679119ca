"""The appraisal part's rows of the scope sweep (merged in hrss/supervision/sweep.py). The part only reads: its
pages show the figures of the review cases the other areas' sweep objects made in 下城社区 (alice's intake among
them), so an outsider's page must name neither. A village assistant does not appraise (APPRAISAL_VIEW is the
township's and above), so the neighbouring county's officer is the outsider; the neighbouring village's assistant
is refused by permission (tests/supervision/appraisal/test_scope.py)."""

from hrss.core.areas import SweepRows

COUNTY = ["neighbour_county_officer"]

ROWS = SweepRows(
    list_routes={
        "supervision:appraisal": {"outsiders": COUNTY, "query": {}},
        "supervision:appraisal-staff": {"outsiders": COUNTY, "query": {}},
        "supervision:appraisal-cases": {"outsiders": COUNTY, "query": {}},
        "supervision:appraisal-export": {"outsiders": COUNTY, "query": {}},
    },
    api_reads={
        "/api/v1/supervision/appraisal": {},
        "/api/v1/supervision/appraisal/staff": {},
    },
)
