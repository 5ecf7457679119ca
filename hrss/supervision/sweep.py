"""信访监察与服务监督's rows of the scope sweep (tests/core/test_scope_sweep.py finds this module by its name): the
parts' rows put together, and the area's home and statistics pages. Read by the test suite only."""

from hrss.core.areas import SweepRows
from hrss.core.parts import merge_sweeps
from hrss.supervision.appraisal import sweep as appraisal
from hrss.supervision.grid import sweep as grid
from hrss.supervision.inspection import sweep as inspection
from hrss.supervision.petitions import sweep as petitions
from hrss.supervision.promises import sweep as promises
from hrss.supervision.publicity import sweep as publicity
from hrss.supervision.ratings import sweep as ratings

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
HOME = SweepRows(list_routes={"supervision:home": {"outsiders": BOTH, "query": {}},
                              "supervision:statistics": {"outsiders": BOTH, "query": {}}},
                 region_param_routes={"supervision:statistics": {"outsiders": BOTH, "lists_people": False}})

ROWS = merge_sweeps([HOME, petitions.ROWS, inspection.ROWS, grid.ROWS, publicity.ROWS, promises.ROWS, ratings.ROWS,
                     appraisal.ROWS])
