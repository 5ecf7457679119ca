"""What the certification part (领取待遇资格认证) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="certification", name="领取待遇资格认证")
