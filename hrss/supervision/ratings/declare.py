"""What the ratings part (好差评与意见箱) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="ratings", name="好差评与意见箱")
