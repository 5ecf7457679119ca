"""Models of the loans part."""

__all__ = []
