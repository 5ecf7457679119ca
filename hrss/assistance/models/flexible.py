"""灵活就业: the models of the flexible part."""

__all__ = []
