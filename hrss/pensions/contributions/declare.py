"""What the contributions part (缴费与个人账户) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="contributions", name="缴费与个人账户")
