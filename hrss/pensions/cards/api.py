"""The cards part's API operations, each with its whole path under /api/v1/pensions/."""

from ninja import Router

router = Router(tags=["社会保险服务"])
