"""检查、整改与验收: the acceptance part's models."""

from django.db import models  # noqa: F401

__all__ = []
