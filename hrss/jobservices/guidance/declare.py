"""What the guidance part brings to the area (hrss/jobservices/parts.py)."""

from hrss.jobservices.parts import Part

PART = Part(label="guidance")
