"""Signals for cache invalidation only (never business steps): other apps drop derived data when divisions change."""

from django.dispatch import Signal

# Sent after a village is moved to another township or merged into another village.
regions_changed = Signal()
