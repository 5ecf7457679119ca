"""What the reports part (月报) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="reports", name="月报")
