"""What the funding part (建设资金) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="funding", name="建设资金")
