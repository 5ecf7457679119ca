"""What the flexible part (灵活就业) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="flexible")
