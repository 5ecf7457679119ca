"""What the petitions part (信访) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="petitions", name="信访")
