"""What the recognition part (就业困难人员认定) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="recognition")
