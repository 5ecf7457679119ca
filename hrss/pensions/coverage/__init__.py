"""城乡居民社会保险服务覆盖 (coverage): a part of the 社会保险服务 area (core/parts.py)."""
