"""应用与联网: the activity part's models."""

from django.db import models  # noqa: F401

__all__ = []
