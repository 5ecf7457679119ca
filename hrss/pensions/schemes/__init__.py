"""参保方案与待遇标准 (schemes): a part of the 社会保险服务 area (core/parts.py)."""
