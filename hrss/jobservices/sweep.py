"""就业服务与培训's rows of the scope sweep (tests/core/test_scope_sweep.py finds this module by its name): the
parts' rows put together, and the area's home and statistics pages. Read by the test suite only."""

from hrss.core.areas import SweepRows
from hrss.core.parts import merge_sweeps
from hrss.jobservices.employers import sweep as employers
from hrss.jobservices.guidance import sweep as guidance
from hrss.jobservices.loans import sweep as loans
from hrss.jobservices.referrals import sweep as referrals
from hrss.jobservices.seekers import sweep as seekers
from hrss.jobservices.training import sweep as training

BOTH = ["neighbour_village_assistant", "neighbour_county_officer"]
HOME = SweepRows(list_routes={"jobservices:home": {"outsiders": BOTH, "query": {}},
                              "jobservices:statistics": {"outsiders": BOTH, "query": {}}},
                 region_param_routes={"jobservices:statistics": {"outsiders": BOTH, "lists_people": False}})

ROWS = merge_sweeps([HOME, employers.ROWS, seekers.ROWS, referrals.ROWS, guidance.ROWS, training.ROWS, loans.ROWS])
