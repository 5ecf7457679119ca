"""What the cards part (社会保障卡) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="cards", name="社会保障卡")
