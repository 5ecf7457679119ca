"""What the retirees part (退休人员社会化管理) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="retirees", name="退休人员社会化管理")
