"""The funding part's rules as dated configuration (core/dated.py) and its limits, in one place.

The plan (河源市2011年平台建设方案 (八)2 统一经费保障): the province subsidises each township office's infrastructure
and equipment (省补助); each county matches it with at least 30% of the province's subsidy (县配套); the city rewards
an office built on time and accepted (市以奖代补)."""

import datetime
from decimal import Decimal

from hrss.core.dated import in_force

# 县配套 ≥ this share of 省补助, per county (and shown per office).
MATCH_RATIO = ((datetime.date(2011, 1, 1), Decimal("0.30")),)

RECORDS_FROM = datetime.date(2011, 1, 1)  # no fund of the programme is older than the plan
MAX_AMOUNT = Decimal("100000000.00")  # one line: a hundred million yuan is a typing error, not a township's grant
PDF_MAX_BYTES = 5 * 1024 * 1024
PDF_MAX_LABEL = "5 MB"


def match_ratio_on(day):
    """The minimum share of the province's subsidy the county must match, in force on `day`."""
    return in_force(MATCH_RATIO, day)
