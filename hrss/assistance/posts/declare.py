"""What the posts part (公益性岗位) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="posts")
