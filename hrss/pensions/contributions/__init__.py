"""缴费与个人账户 (contributions): a part of the 社会保险服务 area (core/parts.py)."""
