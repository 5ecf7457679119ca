"""The activity part's rows of the scope sweep (merged in hrss/network/sweep.py)."""

from hrss.core.areas import SweepRows

ROWS = SweepRows()
