"""平台建设与考核's rows of the scope sweep (tests/core/test_scope_sweep.py finds this module by its name): the
parts' rows put together, and the area's home and statistics pages. Read by the test suite only."""

from hrss.core.areas import SweepRows
from hrss.core.parts import merge_sweeps
from hrss.network.acceptance import sweep as acceptance
from hrss.network.activity import sweep as activity
from hrss.network.dashboard import sweep as dashboard
from hrss.network.funding import sweep as funding
from hrss.network.offices import sweep as offices
from hrss.network.reports import sweep as reports
from hrss.network.standards import sweep as standards
from hrss.network.targets import sweep as targets

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
HOME = SweepRows(list_routes={"network:home": {"outsiders": BOTH, "query": {}},
                              "network:statistics": {"outsiders": BOTH, "query": {}}},
                 region_param_routes={"network:statistics": {"outsiders": BOTH, "lists_people": False}})

ROWS = merge_sweeps([HOME, standards.ROWS, offices.ROWS, acceptance.ROWS, funding.ROWS, targets.ROWS, reports.ROWS, dashboard.ROWS, activity.ROWS])
