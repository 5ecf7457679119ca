"""What the publicity part (政策宣传) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="publicity", name="政策宣传")
