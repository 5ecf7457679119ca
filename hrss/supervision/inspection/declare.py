"""What the inspection part (劳动保障监察) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="inspection", name="劳动保障监察")
