"""月报: the reports part's models."""

from django.db import models  # noqa: F401

__all__ = []
