"""The activity part's rows of the scope sweep (merged in hrss/network/sweep.py). Reads only: the page, its .xlsx
and the API show a region's offices; the neighbouring village's assistant and the neighbouring county's officer
must not see 下城社区's office or alice's work, and naming 下城社区 answers them 404."""

from hrss.core.areas import SweepRows

VILLAGE = "441602001003"  # 下城社区
BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]

ROWS = SweepRows(
    list_routes={
        "network:activity": {"outsiders": BOTH, "query": {}},
        "network:activity-export": {"outsiders": BOTH, "query": {}},
    },
    region_param_routes={
        "network:activity": {"outsiders": BOTH, "lists_people": False},
        "network:activity-export": {"outsiders": BOTH, "lists_people": False},
    },
    api_reads={
        "/api/v1/network/activity": {"query": {"region": VILLAGE}, "insider": "village_assistant", "outsiders": BOTH},
    },
)
