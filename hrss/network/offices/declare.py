"""What the offices part (服务机构) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="offices", name="服务机构")
