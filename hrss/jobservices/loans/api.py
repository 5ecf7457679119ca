"""API of the loans part (mounted in hrss/api/urls.py)."""

from ninja import Router

router = Router(tags=["就业服务"])
