"""What the promises part (服务规范（一次性告知、服务承诺、限时办结）) brings to the area (core/parts.py)."""

from hrss.core.parts import Part

PART = Part(label="promises", name="服务规范（一次性告知、服务承诺、限时办结）")
