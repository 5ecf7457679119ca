"""What the enrolment part (参保登记) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="enrolment", name="参保登记")
