"""What the community part (充分就业社区) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="community")
