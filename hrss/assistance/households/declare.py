"""What the households part (零就业家庭) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="households")
