"""Writing many people at once (ledger imports, demo data): households, people and their first status events as
multi-row INSERTs (core.bulk). Values are already validated; this only stores them."""

import operator

from hrss.core.bulk import insert_rows, select_by_keys, stored_datetime
from hrss.residents.models import Household, LabourStatusEvent, Person


def _insert_fields(model):
    """Every stored field but the primary key, with its default, in table order."""
    fields = []
    for model_field in model._meta.concrete_fields:
        if model_field.primary_key:
            continue
        if model_field.has_default():
            default = model_field.get_default()
        else:
            default = "" if model_field.empty_strings_allowed and not model_field.null else None
        fields.append((model_field.attname, default))
    return fields


class RowLayout:
    """Builds a model's INSERT tuples from dicts of field values, defaults filling the rest: one dict merge and one
    itemgetter per row, both in C (copying a defaults list and setting fields one by one measured ~5 us/row)."""

    def __init__(self, model):
        fields = _insert_fields(model)
        self.names = [name for name, _ in fields]
        self.defaults = dict(fields)
        self._getter = operator.itemgetter(*self.names)

    def row(self, values):
        return self._getter(self.defaults | values)


PERSON_LAYOUT = RowLayout(Person)
EVENT_LAYOUT = RowLayout(LabourStatusEvent)


def ensure_households(heads, now):
    """{head ID number: region code} -> {head ID number: household id}; existing households are kept as they are."""
    stored_now = stored_datetime(now)
    insert_rows(Household, ["region_code", "head_id_number", "created_at"],
                [(code, head, stored_now) for head, code in heads.items()], skip_conflicts_on="head_id_number")
    return dict(select_by_keys(Household, "head_id_number", ["head_id_number", "id"], heads))


def insert_people(people, *, now, source, recorded_by_id=None):
    """Insert new people (dicts of Person field values, with household_id) and one status event each for the
    status they arrive with. Returns the number inserted."""
    stored_now = stored_datetime(now)
    rows = []
    for values in people:
        values.update(created_at=stored_now, updated_at=stored_now)
        rows.append(PERSON_LAYOUT.row(values))
    insert_rows(Person, PERSON_LAYOUT.names, rows)
    if people:
        new_ids = dict(select_by_keys(Person, "id_number", ["id_number", "id"], [p["id_number"] for p in people]))
        insert_status_events([(new_ids[p["id_number"]], p) for p in people], now=now, source=source,
                             recorded_by_id=recorded_by_id)
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
