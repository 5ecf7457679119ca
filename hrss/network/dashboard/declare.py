"""What the dashboard part (平台总览) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="dashboard", name="平台总览")
