"""待遇领取 (benefits): a part of the 社会保险服务 area (core/parts.py)."""
