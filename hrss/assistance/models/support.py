"""援助计划与走访: the models of the support part."""

__all__ = []
