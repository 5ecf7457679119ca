"""充分就业社区: the models of the community part."""

__all__ = []
