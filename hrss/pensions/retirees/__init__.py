"""退休人员社会化管理 (retirees): a part of the 社会保险服务 area (core/parts.py)."""
