"""The audit chain becomes keyed (HMAC-SHA256 with HRSS_AUDIT_KEY) and its head is kept outside the database
(ADR 0007). Existing entries are re-chained in id order with the key, as they stand now, and the head file is
written. Everything this needs is copied here, as it is today, so later changes to hrss.core.audit cannot change
what this migration does."""

import datetime
import hashlib
import hmac
import json
import os
import re
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import migrations

GENESIS_HASH = "0" * 64
TABLE = "core_auditentry"


def _key():
    if settings.HRSS_AUDIT_KEY:
        return settings.HRSS_AUDIT_KEY.encode()
    return hashlib.sha256(b"hrss.audit.chain:" + settings.SECRET_KEY.encode()).digest()


def _fields(entry):
    return {
        "at": entry.at.astimezone(datetime.UTC).isoformat(), "actor_id": entry.actor_id,
        "actor_username": entry.actor_username, "action": entry.action, "outcome": entry.outcome,
        "region_code": entry.region_code, "target_type": entry.target_type, "target_id": entry.target_id,
        "target_repr": entry.target_repr, "subject_id_number": entry.subject_id_number, "before": entry.before,
        "after": entry.after, "ip_address": entry.ip_address, "request_id": entry.request_id, "note": entry.note,
    }


def _digest(key, previous_hash, fields):
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, (previous_hash + payload).encode(), hashlib.sha256).hexdigest()


def _triggers(vendor, installing):
    # The append-only triggers of core_auditentry, as migration 0002 installs them.
    if vendor == "sqlite":
        if installing:
            return [f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
                    f"BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only'); END;",
                    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
                    f"BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only'); END;"]
        return [f"DROP TRIGGER IF EXISTS {TABLE}_no_update;", f"DROP TRIGGER IF EXISTS {TABLE}_no_delete;"]
    if vendor == "postgresql":
        if installing:
            return [f"CREATE OR REPLACE FUNCTION {TABLE}_append_only() RETURNS trigger AS $$ "
                    f"BEGIN RAISE EXCEPTION '{TABLE} is append-only'; END; $$ LANGUAGE plpgsql;",
                    f"CREATE OR REPLACE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
                    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only();",
                    f"CREATE OR REPLACE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
                    f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_append_only();"]
        return [f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE};",
                f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE};",
                f"DROP FUNCTION IF EXISTS {TABLE}_append_only();"]
    raise NotImplementedError(f"no append-only triggers for {vendor}")


def _head_path(connection):
    # As hrss.core.audit.head_file_path decides it today.
    if settings.HRSS_AUDIT_HEAD_FILE:
        return Path(settings.HRSS_AUDIT_HEAD_FILE)
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor == "sqlite":
        if not name or name == ":memory:" or "mode=memory" in name:
            return None
        return Path(name + ".audit-head")
    host = connection.settings_dict.get("HOST") or ""
    label = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{connection.vendor}-{host}-{name}").strip("_")
    return Path(settings.DATA_DIR) / "audit-head" / f"{label[-120:]}.txt"


def _write_head(connection, head):
    path = _head_path(connection)
    if path is None or head is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(f"{head[0]}:{head[1]}\n")
    os.replace(temporary, path)


def rechain_with_the_key(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    connection = schema_editor.connection
    if not AuditEntry.objects.exists():
        return
    with connection.cursor() as cursor:
        for statement in _triggers(connection.vendor, installing=False):
            cursor.execute(statement)
    key, previous, head = _key(), GENESIS_HASH, None
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        digest = _digest(key, previous, _fields(entry))
        AuditEntry.objects.filter(pk=entry.pk).update(previous_hash=previous, entry_hash=digest)
        previous, head = digest, (entry.pk, digest)
    with connection.cursor() as cursor:
        for statement in _triggers(connection.vendor, installing=True):
            cursor.execute(statement)
    # Written before the migration's transaction commits: if it rolls back, the next audit entry rewrites it.
    _write_head(connection, head)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0009_rate_counts"),
    ]

    operations = [
        migrations.RunPython(rechain_with_the_key, migrations.RunPython.noop),
    ]
