"""The petitions part's rows of the scope sweep (merged in hrss/supervision/sweep.py)."""

from hrss.core.areas import SweepRows

ROWS = SweepRows()
