"""Models of the certification part (owned by it)."""

__all__ = []
