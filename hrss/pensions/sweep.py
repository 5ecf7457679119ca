"""社会保险服务's rows of the scope sweep (tests/core/test_scope_sweep.py finds this module by its name): the parts'
rows put together, and the area's home and statistics pages. Read by the test suite only."""

from hrss.core.areas import SweepRows
from hrss.core.parts import merge_sweeps
from hrss.pensions.benefits import sweep as benefits
from hrss.pensions.cards import sweep as cards
from hrss.pensions.certification import sweep as certification
from hrss.pensions.contributions import sweep as contributions
from hrss.pensions.coverage import sweep as coverage
from hrss.pensions.enrolment import sweep as enrolment
from hrss.pensions.retirees import sweep as retirees
from hrss.pensions.schemes import sweep as schemes

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
HOME = SweepRows(list_routes={"pensions:home": {"outsiders": BOTH, "query": {}},
                              "pensions:statistics": {"outsiders": BOTH, "query": {}}},
                 region_param_routes={"pensions:statistics": {"outsiders": BOTH, "lists_people": False}})

ROWS = merge_sweeps([HOME, schemes.ROWS, enrolment.ROWS, contributions.ROWS, benefits.ROWS, certification.ROWS,
                     retirees.ROWS, cards.ROWS, coverage.ROWS])
