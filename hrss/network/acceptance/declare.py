"""What the acceptance part (检查、整改与验收) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="acceptance", name="检查、整改与验收")
