"""What the training part brings to the area (hrss/jobservices/parts.py)."""

from hrss.jobservices.parts import Part

PART = Part(label="training")
