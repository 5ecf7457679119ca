"""Models of the cards part (owned by it)."""

__all__ = []
