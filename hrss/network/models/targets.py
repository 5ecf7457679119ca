"""五个100%: the targets part's models."""

from django.db import models  # noqa: F401

__all__ = []
