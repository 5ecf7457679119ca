"""The targets part's API operations, each with its whole path under /api/v1/network/."""

from ninja import Router

router = Router(tags=["平台建设与考核"])
