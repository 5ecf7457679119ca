"""就业援助活动: the models of the campaigns part."""

__all__ = []
