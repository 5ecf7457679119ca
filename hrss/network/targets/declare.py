"""What the targets part (五个100%) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="targets", name="五个100%")
