"""平台总览: the dashboard part's models."""

from django.db import models  # noqa: F401

__all__ = []
