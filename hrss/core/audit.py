"""The audit trail: every write service calls `record`, in the same transaction as the write, so a write whose
audit entry fails does not happen either.

Where the request came from (address, request id) is put in a context variable by
`core.middleware.RequestContextMiddleware`; management commands run without one and are recorded as "cli".
"""

import contextvars
import datetime
import fcntl
import hashlib
import hmac
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
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
# Each entry carries the HMAC of the one before it and of its own fields, keyed with HRSS_AUDIT_KEY, which is kept
# out of the database: someone who can write to the database can neither edit a row nor recompute the chain after
# an edit. The newest entry (the head: "SEQ:HASH", SEQ being the entry's id) is also written to a file outside the
# database after each commit, so deleting the newest entries is noticed too (`hrss audit-verify`, ADR 0007).

logger = logging.getLogger(__name__)

GENESIS_HASH = "0" * 64
_CHAIN_LOCK = 4_416_000  # PostgreSQL advisory lock id: one audit writer at a time, so the chain never forks


class ChainBroken(Exception):
    """The chain does not verify; the message says where and why."""


def chained_fields(entry):
    return {
        "at": entry.at.astimezone(datetime.UTC).isoformat(), "actor_id": entry.actor_id,
        "actor_username": entry.actor_username, "action": entry.action, "outcome": entry.outcome,
        "region_code": entry.region_code, "target_type": entry.target_type, "target_id": entry.target_id,
        "target_repr": entry.target_repr, "subject_id_number": entry.subject_id_number, "before": entry.before,
        "after": entry.after, "ip_address": entry.ip_address, "request_id": entry.request_id, "note": entry.note,
    }


def chain_key():
    """HRSS_AUDIT_KEY, or (development only: `hrss check --deploy` warns) a key derived from the secret key."""
    if settings.HRSS_AUDIT_KEY:
        return settings.HRSS_AUDIT_KEY.encode()
    return hashlib.sha256(b"hrss.audit.chain:" + settings.SECRET_KEY.encode()).digest()


def entry_digest(previous_hash, fields, *, key=None):
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key or chain_key(), (previous_hash + payload).encode(), hashlib.sha256).hexdigest()


def _hold_the_chain():
    # SQLite: the transaction already holds the database's only write lock (BEGIN IMMEDIATE).
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])


def verify_chain():
    """(entries checked, the id of the first entry that does not follow from the one before, or None)."""
    previous, checked, key = GENESIS_HASH, 0, chain_key()
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        if entry.previous_hash != previous or entry.entry_hash != entry_digest(previous, chained_fields(entry),
                                                                               key=key):
            return checked, entry.pk
        previous, checked = entry.entry_hash, checked + 1
    return checked, None


# --- the head, kept outside the database ----------------------------------------------------------------------

HEAD_PATTERN = re.compile(r"^(\d+):([0-9a-f]{64})$")


def parse_head(text):
    """"SEQ:HASH" -> (SEQ, HASH); ValueError when it is not that."""
    found = HEAD_PATTERN.match((text or "").strip())
    if found is None:
        raise ValueError(f"链头应写成“序号:哈希”（如 1234:{'0' * 8}…，哈希为64位十六进制），而不是“{text.strip()[:80]}”。")
    return int(found.group(1)), found.group(2)


def format_head(seq, digest):
    return f"{seq}:{digest}"


def current_head():
    """(SEQ, HASH) of the newest committed entry, or None when the trail is empty."""
    found = AuditEntry.objects.order_by("-id").values_list("id", "entry_hash").first()
    return tuple(found) if found else None


def head_file_path():
    """Where the head is kept: HRSS_AUDIT_HEAD_FILE, or by default one file per database (so test databases and
    the development database never overwrite each other's head): beside an SQLite file, under the data directory
    for PostgreSQL. None for an in-memory database, whose trail ends with the process anyway."""
    if settings.HRSS_AUDIT_HEAD_FILE:
        return Path(settings.HRSS_AUDIT_HEAD_FILE)
    database = connection.settings_dict
    name = str(database.get("NAME") or "")
    if connection.vendor == "sqlite":
        if not name or name == ":memory:" or "mode=memory" in name:
            return None
        return Path(name + ".audit-head")  # beside the database file (whoever can write one can write both)
    label = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{connection.vendor}-{database.get('HOST') or ''}-{name}").strip("_")
    return Path(settings.DATA_DIR) / "audit-head" / f"{label[-120:]}.txt"


def read_head_file(path=None):
    path = path or head_file_path()
    if path is None or not path.exists():
        return None
    return parse_head(path.read_text(encoding="ascii"))


_last_written = {}  # path -> the head this process last wrote there: a transaction of many entries writes once


def write_head_file():
    """Write the newest committed entry to the head file. Called after each commit that added entries: under an
    exclusive lock on the file, it reads the head from the database, so with several writers the file only ever
    moves forward (a writer that comes later reads at least what the one before it read)."""
    path = head_file_path()
    if path is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        head = current_head()
        if head is None or (_last_written.get(path) == head and path.exists()):
            return head
        # Written beside it and renamed over it: a reader never sees half a line.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(format_head(*head) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
        _last_written[path] = head
    return head


def _write_head_after_commit():
    try:
        write_head_file()
    except OSError:
        # The entry is committed; a head file left behind only makes the check weaker, never a false alarm.
        logger.exception("could not write the audit head file %s", head_file_path())


def verify_head(head):
    """Raise ChainBroken unless the chain (already verified) still holds the entry `head` = (SEQ, HASH)."""
    seq, digest = head
    found = AuditEntry.objects.filter(pk=seq).values_list("entry_hash", flat=True).first()
    if found is None:
        newest = current_head()
        if newest is None or newest[0] < seq:
            raise ChainBroken(f"审计日志缺少第 {seq} 号及之后的记录（现存最新为第 {newest[0] if newest else 0} 号）："
                              "末尾的记录被删除了。")
        raise ChainBroken(f"审计日志中第 {seq} 号记录不存在：记录被删除或重新编号。")
    if not hmac.compare_digest(found, digest):
        raise ChainBroken(f"审计日志第 {seq} 号记录的哈希与保存的链头不同：哈希链被重新计算过。")


@checks.register(checks.Tags.security, deploy=True)
def check_audit_key(app_configs, **kwargs):
    if settings.HRSS_AUDIT_KEY:
        return []
    return [checks.Warning(
        "HRSS_AUDIT_KEY 未设置：审计日志哈希链的密钥由 HRSS_SECRET_KEY 派生，更换后者会使整条链无法校验。",
        hint="设置 HRSS_AUDIT_KEY 为一个不存放在数据库中的随机长字符串（50 位以上），并妥善备份。",
        id="hrss.W001",
    )]


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
        transaction.on_commit(_write_head_after_commit)
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


# --- names for people -------------------------------------------------------------------------------------------
# Each area declares, in its own package, the Chinese names of the audit actions it writes (and of the keys and
# values it puts in before/after that are not fields of the target's model); the audit log shows them. Core knows
# no area by name. tests/core/test_audit_names.py checks that every action written in the code has a name.

_action_names = {}
_field_names = {}
_value_names = {}


def register_actions(names):
    """Declare {action: Chinese name}, e.g. {"employment.registration.approved": "批准失业登记"}. An action named
    twice differently is a mistake, found at start-up."""
    for action, name in names.items():
        name = str(name)
        if _action_names.get(action, name) != name:
            raise ImproperlyConfigured(f"audit action {action!r} is named twice: {_action_names[action]!r}, {name!r}")
        _action_names[action] = name


def register_fields(names):
    """Declare {before/after key: Chinese name} for keys that are not fields of the target's model. Areas share
    keys ("reason", "effective_date"): the first name declared is kept."""
    for key, name in names.items():
        _field_names.setdefault(key, str(name))


def register_values(key, names):
    """Declare {value: Chinese name} for the values a before/after key takes (e.g. a review chain's steps)."""
    values = _value_names.setdefault(key, {})
    for value, name in names.items():
        values.setdefault(value, str(name))


def action_name(action):
    """The Chinese name of an action; an action nobody named shows as it was written."""
    return _action_names.get(action, action)


def registered_actions():
    return dict(_action_names)


def field_name(key):
    return _field_names.get(key)


def value_name(key, value):
    return _value_names.get(key, {}).get(value)
