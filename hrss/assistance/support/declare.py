"""What the support part (援助计划与走访) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="support")
