"""Employers the platform knows, for an area that records an employer by its 统一社会信用代码 without owning the
employer registry (the supervision area's inspection cases and leads): the area holding the registry registers a
lookup (jobservices does), and `known_employer(user, uscc)` answers what that registry says of the code, within the
user's scope, or None — no registry installed, no such employer, or one the user may not see. Core names no area."""

from dataclasses import dataclass

_lookups = []


@dataclass(frozen=True)
class KnownEmployer:
    name: str
    uscc: str
    region_code: str
    address: str = ""
    url: str = ""  # the registry's page of the employer, for a user who may open it ("" otherwise)


def register_lookup(lookup):
    """`lookup(user, uscc)` -> KnownEmployer or None. Returns `lookup` (usable as a decorator)."""
    if lookup not in _lookups:
        _lookups.append(lookup)
    return lookup


def known_employer(user, uscc):
    if not uscc:
        return None
    for lookup in _lookups:
        if (found := lookup(user, uscc)) is not None:
            return found
    return None
