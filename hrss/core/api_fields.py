"""Input types every API schema is built from, so each text has the length its model column has and no text
carries control, bidi or other invisible characters (core.text: a NUL breaks PostgreSQL; U+202E makes a name
display reversed in every ledger and export), and each number a range the database can hold. Out of range answers
422, never 500 (tests/api/test_input_bounds.py walks every operation of the OpenAPI document). In core, so that each area's
api.py uses them without importing the API layer above it (pyproject.toml's import contract)."""

from typing import Annotated

from ninja import Path
from pydantic import AfterValidator, Field

from hrss.core.text import has_invisible, invisible_message

REFUSED = invisible_message()  # the characters refused: core.text, the same for the staff forms

MAX_ID = 2**63 - 1  # a BIGINT primary key
MAX_OFFSET = 10_000_000  # more people than the province has
MAX_PAGE = 200


def _one_line(value):
    if has_invisible(value):
        raise ValueError(REFUSED)
    return value


def _lines(value):
    if has_invisible(value, lines=True):
        raise ValueError(REFUSED)
    return value


def Text(max_length, *, lines=False):  # noqa: N802 - used as a type: name: Text(50)
    """A string of at most `max_length` characters (the model column's length), without the characters core.text
    refuses (`lines` allows line breaks and tabs, for notes)."""
    return Annotated[str, Field(max_length=max_length), AfterValidator(_lines if lines else _one_line)]


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# Path parameters
ObjectId = Path[int, {"ge": 1, "le": MAX_ID}]
RegionCode = Path[str, {"min_length": 1, "max_length": 12, "pattern": r"^[0-9]+$"}]
Month = Path[str, {"min_length": 1, "max_length": 7, "pattern": r"^[0-9]{4}-[0-9]{1,2}$"}]
