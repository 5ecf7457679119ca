"""The audit log as people read it: actions by their Chinese names, regions by name, and what changed as
"field: before → after" instead of the stored dicts. Reads only; the names come from the areas (core.audit)."""

import json
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from hrss.core import audit
from hrss.core.models import Region

REGION_CODE_KEYS = {"code", "parent", "merged_into", "region_code"}  # keys whose values are 12-digit region codes
EMPTY = "（空）"


@dataclass(frozen=True)
class Change:
    label: str
    before: str | None  # None: the key was not recorded before (something set or created)
    after: str | None  # None: not recorded after


def _model_of(entry):
    if not entry.target_type:
        return None
    try:
        return apps.get_model(entry.target_type)
    except (LookupError, ValueError):
        return None


def _field_of(model, key):
    if model is None:
        return None
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        return next((field for field in model._meta.concrete_fields if field.attname == key), None)
    # A key named like a reverse relation (another model's foreign key to this one) is not a column of the target:
    # it has no verbose_name; the audit's own field names say what it is.
    return None if field.auto_created and not field.concrete else field


def _is_chinese(text):
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def _label(field, key):
    if field is not None and _is_chinese(str(field.verbose_name)):
        return str(field.verbose_name)
    return audit.field_name(key) or key


class _Regions:
    """Region names for the codes and ids on one page, fetched in one query each."""

    def __init__(self, entries):
        codes, ids = set(), set()
        for entry in entries:
            codes.add(entry.region_code)
            for values in (entry.before, entry.after):
                for key, value in (values or {}).items() if isinstance(values, dict) else ():
                    if isinstance(value, str) and value.isdigit() and len(value) == 12:
                        codes.add(value)
                    elif key == "region_id" and isinstance(value, int):
                        ids.add(value)
        found = Region.objects.filter(code__in=codes) if codes else Region.objects.none()
        self.by_code = {region.code: region.name for region in found}
        self.by_id = dict(Region.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}

    def name(self, code):
        return self.by_code.get(code, "")

    def describe_code(self, code):
        name = self.name(code)
        return f"{name}（{code}）" if name else code


def _value(value, key, field, regions):
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_value(item, key, field, regions) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if field is not None and getattr(field, "related_model", None) is Region:
        if isinstance(value, int) and value in regions.by_id:
            return regions.by_id[value]
        if isinstance(value, str):
            return regions.describe_code(value)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    named = audit.value_name(key, value)
    if named:
        return named
    if key in REGION_CODE_KEYS and isinstance(value, str):
        return regions.describe_code(value)
    return str(value)


def changes_of(entry, regions):
    """What the entry recorded, key by key; keys recorded equal before and after are left out."""
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.after if isinstance(entry.after, dict) else {}
    model = _model_of(entry)
    changes = []
    for key in [*before, *(key for key in after if key not in before)]:
        if key in before and key in after and before[key] == after[key]:
            continue
        field = _field_of(model, key)
        changes.append(Change(
            label=_label(field, key),
            before=_value(before[key], key, field, regions) if key in before else None,
            after=_value(after[key], key, field, regions) if key in after else None,
        ))
    return changes


def describe(entries):
    """The page's entries, each with `action_name`, `region_name` and `changes` set for the template."""
    entries = list(entries)
    regions = _Regions(entries)
    for entry in entries:
        entry.action_name = audit.action_name(entry.action)
        entry.region_name = regions.name(entry.region_code)
        entry.changes = changes_of(entry, regions)
    return entries


def action_choices():
    """The named actions for the search form, grouped by the area that writes them and sorted by name."""
    groups = {}
    for action, name in audit.registered_actions().items():
        prefix = action.split(".", 1)[0]
        try:
            group = str(apps.get_app_config(prefix).verbose_name)
        except LookupError:
            group = "权限与审核"
        groups.setdefault(group, []).append((action, name))
    return [("", "全部操作"), *((group, sorted(choices, key=lambda choice: choice[1]))
                                for group, choices in sorted(groups.items()))]
