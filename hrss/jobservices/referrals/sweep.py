"""The referrals part's rows of the scope sweep (merged by hrss/jobservices/sweep.py)."""

from hrss.core.areas import SweepRows

ROWS = SweepRows()
