"""The audit trail: every write service calls `record`, in the same transaction as the write, so a write whose
audit entry fails does not happen either.

Where the request came from (address, request id) is put in a context variable by
`core.middleware.RequestContextMiddleware`; management commands run without one and are recorded as "cli".
"""

import contextvars
import datetime
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from hrss.core.models import AuditEntry


@dataclass(frozen=True)
class Origin:
    ip_address: str = "cli"
    request_id: str = ""


CLI_ORIGIN = Origin()
_origin = contextvars.ContextVar("hrss_audit_origin", default=None)


def set_origin(origin):
    return _origin.set(origin)


def reset_origin(token):
    _origin.reset(token)


def current_origin():
    return _origin.get() or CLI_ORIGIN


# --- the hash chain -----------------------------------------------------------------------------------------------
# Each entry carries the SHA-256 of the one before it and of its own fields, so editing or deleting a row, even
# with the database triggers lifted, breaks the chain where it happened (`verify_chain`, `hrss audit-verify`).

GENESIS_HASH = "0" * 64
_CHAIN_LOCK = 4_416_000  # PostgreSQL advisory lock id: one audit writer at a time, so the chain never forks


def chained_fields(entry):
    return {
        "at": entry.at.astimezone(datetime.UTC).isoformat(), "actor_id": entry.actor_id,
        "actor_username": entry.actor_username, "action": entry.action, "outcome": entry.outcome,
        "region_code": entry.region_code, "target_type": entry.target_type, "target_id": entry.target_id,
        "target_repr": entry.target_repr, "subject_id_number": entry.subject_id_number, "before": entry.before,
        "after": entry.after, "ip_address": entry.ip_address, "request_id": entry.request_id, "note": entry.note,
    }


def entry_digest(previous_hash, fields):
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((previous_hash + payload).encode()).hexdigest()


def _hold_the_chain():
    # SQLite: the transaction already holds the database's only write lock (BEGIN IMMEDIATE).
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])


def verify_chain():
    """(entries checked, the id of the first entry that does not follow from the one before, or None)."""
    previous, checked = GENESIS_HASH, 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        if entry.previous_hash != previous or entry.entry_hash != entry_digest(previous, chained_fields(entry)):
            return checked, entry.pk
        previous, checked = entry.entry_hash, checked + 1
    return checked, None


def _jsonable(values):
    if values is None:
        return None
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder, ensure_ascii=False))


def record(
    *,
    actor,
    action,
    target=None,
    region_code="",
    before=None,
    after=None,
    outcome=AuditEntry.Outcome.OK,
    subject_id_number="",
    note="",
):
    origin = current_origin()
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    if not region_code:
        region_code = _region_code_of(target) or (actor.region.code if authenticated and actor.region_id else "")
    # Events tied to no region (a login attempt for an unknown name) belong to the deployment's root region.
    region_code = region_code or settings.HRSS_ROOT_REGION_CODE
    entry = AuditEntry(
        at=timezone.now(),
        actor=actor if authenticated else None,
        actor_username=actor.get_username() if authenticated else "",
        action=action,
        outcome=outcome,
        region_code=region_code,
        target_type=target._meta.label if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        subject_id_number=subject_id_number,
        before=_jsonable(before),
        after=_jsonable(after),
        ip_address=origin.ip_address,
        request_id=origin.request_id,
        note=note[:255],
    )
    with transaction.atomic():
        _hold_the_chain()
        entry.previous_hash = (AuditEntry.objects.order_by("-id").values_list("entry_hash", flat=True).first()
                               or GENESIS_HASH)
        entry.entry_hash = entry_digest(entry.previous_hash, chained_fields(entry))
        entry.save()
    return entry


def record_denied(*, actor, action, target=None, note="", region_code="", subject_id_number=""):
    return record(actor=actor, action=action, target=target, outcome=AuditEntry.Outcome.DENIED, note=note,
                  region_code=region_code, subject_id_number=subject_id_number)


def _region_code_of(target):
    if target is None:
        return ""
    for attribute in ("region_code", "code"):
        value = getattr(target, attribute, None)
        if isinstance(value, str) and value:
            return value
    region = getattr(target, "region", None)
    return getattr(region, "code", "") if region is not None else ""


def snapshot(instance, fields):
    """The values of `fields` on `instance`, for the before/after columns."""
    return {field: getattr(instance, field) for field in fields}
