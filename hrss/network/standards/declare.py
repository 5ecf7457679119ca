"""What the standards part (八统一标准) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="standards", name="八统一标准")
