"""公益性岗位: the models of the posts part."""

__all__ = []
