"""What the appraisal part (考核) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="appraisal", name="考核")
