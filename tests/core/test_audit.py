
import pytest
from django.db import DatabaseError, IntegrityError, transaction
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core import audit
from hrss.core.models import AppendOnlyError, AuditEntry
from hrss.core.permissions import Role
from tests.conftest import NEIGHBOUR_COUNTY, TODAY, VILLAGE


@pytest.fixture(autouse=True)
def head_file(settings, tmp_path):
    """Each test keeps the audit head in its own file (the default is one file per database under var/)."""
    settings.HRSS_AUDIT_HEAD_FILE = str(tmp_path / "audit-head.txt")
    return tmp_path / "audit-head.txt"


def test_a_service_records_who_what_where_and_before_after(heyuan, system_admin, village_assistant):
    account_services.update_user(actor=system_admin, user=village_assistant, full_name="王小丽",
                                 phone="13800000000", region=heyuan[VILLAGE])
    entry = AuditEntry.objects.get(action="accounts.user.updated")
    assert entry.actor == system_admin and entry.actor_username == "sam"
    assert entry.region_code == VILLAGE
    assert entry.before["full_name"] == "alice" and entry.after["full_name"] == "王小丽"
    assert entry.ip_address == "cli"


def test_a_request_records_the_client_address(heyuan, system_admin, village_assistant):
    client = Client(REMOTE_ADDR="10.44.16.7")
    client.force_login(system_admin)
    client.post(f"/accounts/users/{village_assistant.pk}/active/", {"active": "0"})
    entry = AuditEntry.objects.get(action="accounts.user.disabled")
    assert entry.ip_address == "10.44.16.7" and entry.request_id


def test_audit_entries_cannot_be_changed_through_the_model(db):
    entry = audit.record(actor=None, action="test.event")
    entry.note = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_audit_entries_cannot_be_changed_in_the_database(db):
    audit.record(actor=None, action="test.event")
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        AuditEntry.objects.update(note="rewritten")
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().note == ""


def test_the_auditor_searches_by_user_action_and_date(heyuan, auditor, system_admin, village_assistant):
    account_services.set_active(actor=system_admin, user=village_assistant, active=False)
    client = Client()
    client.force_login(auditor)
    today = TODAY.isoformat()
    found = client.get("/audit/", {"username": "sam", "action": "disabled", "date_from": today}).content.decode()
    assert "accounts.user.disabled" in found
    none = client.get("/audit/", {"username": "nobody"}).content.decode()
    table = none[none.index('data-testid="audit-table"'):]  # the search form lists every action
    assert "accounts.user.disabled" not in table and "没有符合条件的记录" in table


def test_the_auditor_searches_by_person(heyuan, auditor, village_assistant):
    audit.record(actor=village_assistant, action="residents.id_number.revealed", subject_id_number="44162119800101001X")
    client = Client()
    client.force_login(auditor)
    page = client.get("/audit/", {"subject": "44162119800101001x"}).content.decode()
    assert "residents.id_number.revealed" in page


def test_the_system_administrator_cannot_read_the_audit(heyuan, system_admin, security_admin):
    for user in (system_admin, security_admin):
        client = Client()
        client.force_login(user)
        assert client.get("/audit/").status_code == 403


def test_a_refused_action_is_audited(heyuan, village_assistant):
    client = Client()
    client.force_login(village_assistant)
    assert client.get("/accounts/users/").status_code == 403
    assert AuditEntry.objects.filter(outcome="denied", actor=village_assistant, action="user.view").count() == 1


def test_a_county_auditor_sees_only_the_county(heyuan, make_user, county_officer, neighbour_county_officer):
    zijin_auditor = make_user("zaudit", NEIGHBOUR_COUNTY, Role.AUDIT_ADMIN)
    audit.record(actor=county_officer, action="test.yuancheng")
    audit.record(actor=neighbour_county_officer, action="test.zijin")
    client = Client()
    client.force_login(zijin_auditor)
    page = client.get("/audit/").content.decode()
    assert "test.zijin" in page and "test.yuancheng" not in page


def test_if_the_audit_write_fails_the_action_fails(heyuan, system_admin, village_assistant, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(audit.AuditEntry, "save", broken)
    with pytest.raises(DatabaseError):
        account_services.set_active(actor=system_admin, user=village_assistant, active=False)
    village_assistant.refresh_from_db()
    assert village_assistant.is_active


def test_the_hash_chain_links_every_entry_and_catches_an_edited_or_deleted_row(heyuan, village_assistant, capsys,
                                                                              django_capture_on_commit_callbacks):
    from django.core.management import CommandError, call_command
    from django.db import connection

    from hrss.core import audit_guard

    with django_capture_on_commit_callbacks(execute=True):
        for index in range(5):
            audit.record(actor=village_assistant, action=f"test.chain.{index}", after={"n": index})
    checked, broken = audit.verify_chain()
    assert broken is None and checked == AuditEntry.objects.count() >= 5
    call_command("audit-verify")
    assert "哈希链无断点" in capsys.readouterr().out
    entries = list(AuditEntry.objects.filter(action__startswith="test.chain.").order_by("id"))
    assert all(later.previous_hash == earlier.entry_hash for earlier, later in zip(entries, entries[1:], strict=False))

    audit_guard.uninstall(connection)  # what someone with the database's password could do
    AuditEntry.objects.filter(pk=entries[2].pk).update(note="改过")
    assert audit.verify_chain()[1] == entries[2].pk
    AuditEntry.objects.filter(pk=entries[2].pk).update(note="")
    assert audit.verify_chain()[1] is None
    AuditEntry.objects.filter(pk=entries[3].pk).delete()
    assert audit.verify_chain()[1] == entries[4].pk
    audit_guard.install(connection)
    with pytest.raises(CommandError, match=f"第 {entries[4].pk} 号记录处断链"):
        call_command("audit-verify")


def _lift_triggers():
    from django.db import connection

    from hrss.core import audit_guard

    audit_guard.uninstall(connection)  # what someone with the database's password could do


def _verify(*args):
    from django.core.management import call_command

    call_command("audit-verify", *args)


def test_the_head_file_follows_the_newest_committed_entry(db, head_file, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        audit.record(actor=None, action="test.head.1")
    with django_capture_on_commit_callbacks(execute=True):
        newest = audit.record(actor=None, action="test.head.2")
    assert head_file.read_text().strip() == f"{newest.pk}:{newest.entry_hash}"


def test_deleting_the_newest_entries_is_caught(db, head_file, django_capture_on_commit_callbacks):
    from django.core.management import CommandError

    for index in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            audit.record(actor=None, action=f"test.tail.{index}")
    _verify()
    _lift_triggers()
    newest = AuditEntry.objects.order_by("-id").first()
    AuditEntry.objects.filter(pk=newest.pk).delete()
    assert audit.verify_chain()[1] is None  # what is left still links up: only the head outside shows the loss
    with pytest.raises(CommandError, match=f"缺少第 {newest.pk} 号及之后的记录"):
        _verify()


def test_a_missing_head_file_fails_the_check(db, head_file, django_capture_on_commit_callbacks):
    from django.core.management import CommandError

    with django_capture_on_commit_callbacks(execute=True):
        audit.record(actor=None, action="test.head")
    head_file.unlink()
    with pytest.raises(CommandError, match="链头文件 .* 不存在"):
        _verify()


def test_a_chain_recomputed_without_the_key_is_caught(db, settings, head_file):
    """Someone with the database's password edits a row and recomputes every hash with the code of the app (the
    key is not in the database, so they do not have it)."""
    import hashlib
    import json

    settings.HRSS_AUDIT_KEY = "the-key-kept-on-the-server-only-4f1c9e2a7b"
    entries = [audit.record(actor=None, action=f"test.rechain.{index}") for index in range(3)]
    assert audit.verify_chain()[1] is None
    _lift_triggers()
    previous = audit.GENESIS_HASH
    for entry in AuditEntry.objects.order_by("id"):
        entry.note = "改过" if entry.pk == entries[1].pk else entry.note
        # the chain's function as it was before it was keyed: SHA-256 over the previous hash and the fields
        payload = json.dumps(audit.chained_fields(entry), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        new_hash = hashlib.sha256((previous + payload).encode()).hexdigest()
        AuditEntry.objects.filter(pk=entry.pk).update(note=entry.note, previous_hash=previous, entry_hash=new_hash)
        previous = new_hash
    assert audit.verify_chain()[1] == AuditEntry.objects.order_by("id").first().pk


def test_a_chain_recomputed_with_another_key_does_not_reach_the_kept_head(db, settings, capsys, head_file):
    from django.core.management import CommandError

    settings.HRSS_AUDIT_KEY = "the-real-key-0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d"
    for index in range(3):
        audit.record(actor=None, action=f"test.keyed.{index}")
    head_file.unlink(missing_ok=True)  # this test compares only with the head an operator kept elsewhere
    from django.core.management import call_command

    call_command("audit-head")
    kept = capsys.readouterr().out.strip()
    seq, digest = audit.parse_head(kept)
    assert seq == AuditEntry.objects.order_by("-id").first().pk and len(digest) == 64
    _verify("--head", kept)

    # With the key (an insider on the server), the chain can be recomputed, but not to the head kept elsewhere.
    _lift_triggers()
    settings.HRSS_AUDIT_KEY = "a-key-the-insider-chose-1234567890abcdef12345"
    previous = audit.GENESIS_HASH
    for entry in AuditEntry.objects.order_by("id"):
        new_hash = audit.entry_digest(previous, audit.chained_fields(entry))
        AuditEntry.objects.filter(pk=entry.pk).update(previous_hash=previous, entry_hash=new_hash)
        previous = new_hash
    assert audit.verify_chain()[1] is None
    with pytest.raises(CommandError, match=f"第 {seq} 号记录的哈希与保存的链头不同"):
        _verify("--head", kept)
    head_file.write_text(kept + "\n")  # the same, kept in the head file
    with pytest.raises(CommandError, match=f"第 {seq} 号记录的哈希与保存的链头不同"):
        _verify()


def test_audit_verify_with_a_head_beyond_the_chain_fails(db):
    from django.core.management import CommandError

    newest = audit.record(actor=None, action="test.short")
    with pytest.raises(CommandError, match="末尾的记录被删除"):
        _verify("--head", f"{newest.pk + 5}:{newest.entry_hash}")
    with pytest.raises(CommandError, match="序号:哈希"):
        _verify("--head", "not-a-head")


def test_the_deploy_check_warns_without_an_audit_key(settings):
    from django.core import checks

    settings.HRSS_AUDIT_KEY = ""
    assert "hrss.W001" in {message.id for message in checks.run_checks(include_deployment_checks=True)}
    settings.HRSS_AUDIT_KEY = "the-key-kept-on-the-server-only-4f1c9e2a7b"
    assert "hrss.W001" not in {message.id for message in checks.run_checks(include_deployment_checks=True)}


def test_the_migration_rechains_existing_entries_with_the_key(db, settings, head_file):
    import importlib

    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("hrss.core.migrations.0001_initial")
    settings.HRSS_AUDIT_KEY = "an-old-key-no-longer-in-use-aaaaaaaaaaaaaaaa"
    for index in range(3):
        audit.record(actor=None, action=f"test.migrate.{index}")
    settings.HRSS_AUDIT_KEY = "the-key-kept-on-the-server-only-4f1c9e2a7b"
    assert audit.verify_chain()[1] is not None

    class SchemaEditor:
        pass

    editor = SchemaEditor()
    editor.connection = connection
    migration.rechain_with_the_key(apps, editor)
    assert audit.verify_chain() == (AuditEntry.objects.count(), None)
    newest = AuditEntry.objects.order_by("-id").first()
    assert head_file.read_text().strip() == f"{newest.pk}:{newest.entry_hash}"
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        AuditEntry.objects.update(note="the triggers are back")
