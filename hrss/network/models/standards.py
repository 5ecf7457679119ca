"""八统一标准: the standards part's models."""

from django.db import models  # noqa: F401

__all__ = []
