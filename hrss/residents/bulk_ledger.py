"""Writing many people at once (ledger imports, demo data): households, people and their first status events as
multi-row INSERTs (core.bulk). Values are already validated; this only stores them."""

import operator
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from hrss.core.bulk import insert_rows, select_by_keys, stored_datetime
from hrss.residents.models import Household, LabourStatusEvent, Person


def _insert_fields(model, with_pk):
    """Every stored field (the primary key only `with_pk`), in table order: (name, default, whether the database
    fills it when an INSERT leaves it out: it has a db_default, or it is NULL by default)."""
    fields = []
    for model_field in model._meta.concrete_fields:
        if model_field.primary_key and not with_pk:
            continue
        if model_field.has_default():
            default = model_field.get_default()
        else:
            default = "" if model_field.empty_strings_allowed and not model_field.null else None
        database_fills = model_field.has_db_default() or (model_field.null and default is None)
        fields.append((model_field.attname, default, database_fills))
    return fields


class Assembly(NamedTuple):
    names: tuple  # the INSERT's columns
    build: Callable  # values tuple -> INSERT tuple


class RowLayout:
    """Builds a model's INSERT tuples, defaults filling the fields not given. Per row this is one dict merge and one
    itemgetter (`row`), or one tuple concatenation and one itemgetter (`assembler`), all in C: setting fields one by
    one in Python measured ~5 us/row, a fifth of a million-row import's writing."""

    def __init__(self, model, *, with_pk=False):
        fields = _insert_fields(model, with_pk)
        self.names = tuple(name for name, _default, _fills in fields)
        self.defaults = {name: default for name, default, _fills in fields}
        self._database_fills = {name for name, _default, fills in fields if fills}
        self._getter = operator.itemgetter(*self.names)

    def row(self, values):
        """From a dict of field values, every column (`names`)."""
        return self._getter(self.defaults | values)

    def assembler(self, source_fields):
        """An Assembly for values that always come as tuples in the order `source_fields` (names not of this model
        are passed over; where a name repeats, the last one counts). Columns the values do not give and the
        database fills by itself are left out of the INSERT: a narrower row is cheaper to write."""
        position = {name: index for index, name in enumerate(source_fields)}
        names = tuple(name for name in self.names if name in position or name not in self._database_fills)
        constants = tuple(self.defaults[name] for name in names if name not in position)
        picks, next_constant = [], len(source_fields)
        for name in names:
            if name in position:
                picks.append(position[name])
            else:
                picks.append(next_constant)
                next_constant += 1
        getter = operator.itemgetter(*picks)
        return Assembly(names, lambda values: getter(values + constants))


# People are inserted with ids reserved beforehand (core.bulk.reserve_ids), so their first status events need no
# SELECT to learn them.
PERSON_LAYOUT = RowLayout(Person, with_pk=True)
EVENT_LAYOUT = RowLayout(LabourStatusEvent)
_PERSON_TO_EVENT = {"id": "person_id", "labour_status": "status", "status_detail": "detail",
                    "status_since": "effective_date"}


@lru_cache(maxsize=16)
def _first_event(person_columns):
    """A person's first status event, from (source, recorder, recorded at) + the person's INSERT tuple."""
    return EVENT_LAYOUT.assembler(("source", "recorded_by_id", "recorded_at",
                                   *(_PERSON_TO_EVENT.get(name, name) for name in person_columns)))


def ensure_households(heads, now):
    """{head ID number: region code} -> {head ID number: household id}; existing households are kept as they are."""
    stored_now = stored_datetime(now)
    insert_rows(Household, ["region_code", "head_id_number", "created_at"],
                [(code, head, stored_now) for head, code in heads.items()], skip_conflicts_on="head_id_number")
    return dict(select_by_keys(Household, "head_id_number", ["head_id_number", "id"], heads))


def insert_people(rows, *, columns=PERSON_LAYOUT.names, now, source, recorded_by_id=None):
    """Insert new people (INSERT tuples of `columns`, from PERSON_LAYOUT: ids from reserve_ids, household and
    timestamps filled in) and one status event each for the status they arrive with. Returns the number inserted."""
    insert_rows(Person, columns, rows)
    event = _first_event(tuple(columns))
    event_head, build = (source, recorded_by_id, stored_datetime(now)), event.build
    insert_rows(LabourStatusEvent, event.names, [build(event_head + row) for row in rows])
    return len(rows)


def insert_status_events(changes, *, now, source, recorded_by_id=None):
    """changes: [(person id, values with labour_status, status_detail, status_since, region_code)]."""
    stored_now = stored_datetime(now)
    insert_rows(LabourStatusEvent, EVENT_LAYOUT.names, [
        EVENT_LAYOUT.row({"person_id": person_id, "status": values["labour_status"], "detail": values["status_detail"],
                          "effective_date": values["status_since"], "region_code": values["region_code"],
                          "source": source, "recorded_by_id": recorded_by_id, "recorded_at": stored_now})
        for person_id, values in changes
    ])
