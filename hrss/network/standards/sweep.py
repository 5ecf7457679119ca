"""The standards part's rows of the scope sweep (merged in hrss/network/sweep.py): its one page lists the standards,
configuration the same for every user (no region's data)."""

from hrss.core.areas import SweepRows

ROWS = SweepRows(
    list_routes={"network:standards-list": {"outsiders": ["neighbour_village_assistant", "neighbour_county_officer"],
                                            "query": {}}},
)
