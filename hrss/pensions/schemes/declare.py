"""What the schemes part (参保方案与待遇标准) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="schemes", name="参保方案与待遇标准")
