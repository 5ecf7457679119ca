"""建设资金: the funding part's models."""

from django.db import models  # noqa: F401

__all__ = []
