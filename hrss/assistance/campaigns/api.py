"""The campaigns part's API operations, each with its whole path under /api/v1/."""

from ninja import Router

router = Router(tags=["就业援助"])
