"""The appraisal part's API operations, each with its whole path under /api/v1/supervision/."""

from ninja import Router

router = Router(tags=["信访监察与服务监督"])
