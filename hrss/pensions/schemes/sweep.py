"""The schemes part's rows of the scope sweep: the rules page and its API read configuration only (national and
provincial rules, the same for every user), no region's data."""

from hrss.core.areas import SweepRows

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]

ROWS = SweepRows(
    list_routes={"pensions:schemes-rules": {"outsiders": BOTH, "query": {}}},
    api_unscoped_reads={"/api/v1/pensions/schemes": ({}, "the dated rules of the residents' pension: configuration, "
                                                         "the same for every caller")},
)
