"""The recognition part's rows of the scope sweep (merged by hrss/assistance/sweep.py)."""

from hrss.core.areas import SweepRows

ROWS = SweepRows()
