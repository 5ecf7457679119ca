"""The dashboard part's rows of the scope sweep (merged in hrss/network/sweep.py). Reads only: the page, its .xlsx
and the API show a region and its children; the neighbouring village's assistant and the neighbouring county's
officer must not see 下城社区, and naming 下城社区 or its township answers them 404."""

from hrss.core.areas import SweepRows

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]

ROWS = SweepRows(
    list_routes={
        "network:dashboard": {"outsiders": BOTH, "query": {}},
        "network:dashboard-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "network:dashboard": {"outsiders": BOTH, "lists_people": False},
        "network:dashboard-export": {"outsiders": BOTH, "lists_people": False},
    },
    api_reads={
        "/api/v1/network/dashboard": {"query": {"region": VILLAGE}, "insider": "village_assistant", "outsiders": BOTH},
    },
)
