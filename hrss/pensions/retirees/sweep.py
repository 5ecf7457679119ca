"""The retirees part's rows of the scope sweep."""

from hrss.core.areas import SweepRows

ROWS = SweepRows()
