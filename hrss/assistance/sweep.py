"""就业援助与灵活就业's rows of the scope sweep (tests/core/test_scope_sweep.py finds this module by its name): the
parts' rows put together, and the area's home and statistics pages. Read by the test suite only."""

from hrss.assistance.campaigns import sweep as campaigns
from hrss.assistance.community import sweep as community
from hrss.assistance.flexible import sweep as flexible
from hrss.assistance.households import sweep as households
from hrss.assistance.posts import sweep as posts
from hrss.assistance.recognition import sweep as recognition
from hrss.assistance.support import sweep as support
from hrss.core.areas import SweepRows
from hrss.core.parts import merge_sweeps

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
HOME = SweepRows(list_routes={"assistance:home": {"outsiders": BOTH, "query": {}},
                              "assistance:statistics": {"outsiders": BOTH, "query": {}}},
                 region_param_routes={"assistance:statistics": {"outsiders": BOTH, "lists_people": False}})

ROWS = merge_sweeps([HOME, recognition.ROWS, support.ROWS, posts.ROWS, households.ROWS, flexible.ROWS, community.ROWS, campaigns.ROWS])
