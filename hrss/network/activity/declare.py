"""What the activity part (应用与联网) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="activity", name="应用与联网")
