"""The OpenAPI document names each body and answer schema by its class name: two classes of one name would be one
entry there, and one of the two operations would be documented (and probed by tests/api/test_input_bounds.py)
with the other's fields. Every schema class of the API is named once."""

from collections import Counter

from ninja import Schema

import hrss.api.urls  # noqa: F401 - imports every area's api module


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def test_no_two_api_schemas_share_a_name():
    names = Counter(cls.__name__ for cls in set(subclasses(Schema)) if cls.__module__.startswith("hrss."))
    assert [name for name, count in names.items() if count > 1] == []
