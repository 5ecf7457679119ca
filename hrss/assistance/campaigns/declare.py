"""What the campaigns part (就业援助活动) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="campaigns")
