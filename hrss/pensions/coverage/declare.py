"""What the coverage part (城乡居民社会保险服务覆盖) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="coverage", name="城乡居民社会保险服务覆盖")
