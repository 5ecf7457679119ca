"""Models of the training part."""

__all__ = []
