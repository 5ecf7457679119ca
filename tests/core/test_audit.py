import datetime

import pytest
from django.db import DatabaseError, IntegrityError, transaction
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core import audit
from hrss.core.models import AppendOnlyError, AuditEntry
from hrss.core.permissions import Role
from tests.conftest import NEIGHBOUR_COUNTY, VILLAGE


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
    today = datetime.date.today().isoformat()
    found = client.get("/audit/", {"username": "sam", "action": "disabled", "date_from": today}).content.decode()
    assert "accounts.user.disabled" in found
    none = client.get("/audit/", {"username": "nobody"}).content.decode()
    assert "accounts.user.disabled" not in none and "没有符合条件的记录" in none


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


def test_the_hash_chain_links_every_entry_and_catches_an_edited_or_deleted_row(heyuan, village_assistant, capsys):
    from django.core.management import CommandError, call_command
    from django.db import connection

    from hrss.core import audit_guard

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
