"""零就业家庭: the models of the households part."""

__all__ = []
