"""信访: a part of 信访监察与服务监督 (core/parts.py)."""
