"""The contributions part's own rules that change with time, as dated configuration (the rules the schemes part
keeps in hrss/pensions/schemes/rules.py are read there): each a tuple of (effective_from, value) rows, ascending,
read with core.dated.in_force. A changed rule is a new row.

Sources: none of these rows was checked against a document's text; each is marked [believed] and pages show it as
"依据待核实" (schemes.rules.shown_source).
"""

import datetime
from decimal import Decimal

from hrss.core.dated import in_force

D = datetime.date

# The government's subsidy on each year paid as 补缴 (arrears) [believed: 国发〔2014〕8号 grants the subsidy on the
# yearly payment; 补缴 for past years gets none].
ARREARS_SUBSIDY = ((D(2009, 9, 1), Decimal("0")),)
ARREARS_SUBSIDY_SOURCE = "国发〔2014〕8号（补缴不享受政府补贴） [believed]"

# Which tier's subsidy a payment gets [believed]: the highest tier in force on the day paid that is not above the
# amount paid (a payment below the lowest tier gets none). Kept here as words for pages; imports.py applies it.
SUBSIDY_TIER_RULE = ((D(2009, 9, 1), "按到账日有效的缴费档次，取不高于实缴金额的最高档次的补贴；低于最低档次的不补贴"),)
SUBSIDY_TIER_SOURCE = "广东省城乡居民养老保险缴费补贴办法 [believed]"


def arrears_subsidy(day):
    """The subsidy a year of 补缴 paid on `day` gets (Decimal)."""
    return in_force(ARREARS_SUBSIDY, day) or Decimal("0")


def subsidy_tier_rule(day):
    return in_force(SUBSIDY_TIER_RULE, day) or ""
