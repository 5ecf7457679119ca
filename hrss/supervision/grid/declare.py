"""What the grid part (网格化管理) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="grid", name="网格化管理")
