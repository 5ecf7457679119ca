"""社会保障卡 (cards): a part of the 社会保险服务 area (core/parts.py)."""
