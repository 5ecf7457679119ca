"""The coverage part's rules that change with time, as dated configuration: each a tuple of (effective_from, value)
rows, ascending; the row in force on a day is the last one that has started (core.dated.in_force). A changed rule is
a new row, never an edit of an old one. The schemes' own rules (ages to enrol, tiers, the pension) are
hrss/pensions/schemes/rules.py's; this is only who counts for KPI 5.

Sources: the rows below were not checked against a document's text; each is marked [believed] and pages say
依据待核实 (schemes.rules.shown_source).
"""

import datetime
from dataclasses import dataclass

from hrss.core.dated import in_force

D = datetime.date


@dataclass(frozen=True)
class CoverageScope:
    """Who is a resident in scope of "100%的城乡居民得到社会保险服务" on a day: the ledger's living people of at
    least `minimum_age` (whole years on the day), students left out when `students_excluded`."""

    minimum_age: int
    students_excluded: bool
    source: str


# 五个100% 之五 (河源市 2011 plan): the residents who should be in a pension scheme are those who may enrol in one:
# 16 and over, not in school (国发〔2009〕32号 and 国发〔2011〕18号 name them so) [believed: the plan's own
# definition of its denominator was not seen].
COVERAGE_SCOPE = (
    (D(2011, 1, 1), CoverageScope(16, True, "河源市“五个100%”目标；国发〔2009〕32号、国发〔2011〕18号参保范围 [believed]")),
)


def coverage_scope_on(day):
    """The CoverageScope in force on `day` (the first row before it starts: the KPI is also asked of older days)."""
    return in_force(COVERAGE_SCOPE, day) or COVERAGE_SCOPE[0][1]
