"""What the benefits part (待遇领取) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="benefits", name="待遇领取")
