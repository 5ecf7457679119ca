"""The audit log reads as Chinese: every value a before/after records from a set of choices (a status, a reason, a
category, a document, a kind) is shown by its name, and notes are written in Chinese; the internal action code
is only a tooltip (title), not text the auditor reads."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db.models import TextChoices
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.audit_display import describe
from hrss.core.models import AuditEntry, ReviewDecision
from hrss.core.permissions import Role
from hrss.employment import services as employment_services
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE
from tests.residents.factories import make_id_number

Action = ReviewDecision.Action


def choice_values():
    """The stored values of every set of choices of the project ("hired", "out_of_province", ...)."""
    found, classes = set(), list(TextChoices.__subclasses__())
    while classes:
        choices = classes.pop()
        classes += choices.__subclasses__()
        if choices.__module__.startswith("hrss."):
            found |= {value for value in choices.values if value}
    return found


@pytest.fixture
def logged(heyuan, make_user, village_assistant, system_admin, security_admin):
    """Audit entries of the common acts: a person registered and moved between statuses, a 失业登记 sent back,
    corrected, approved, contacted and cancelled, a password reset tried with a wrong code."""
    reviewer = make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)
    officer = make_user("carl", COUNTY, Role.COUNTY_OFFICER)
    approver = make_user("cara", COUNTY, Role.COUNTY_APPROVER)
    person = residents_services.register_person(
        actor=village_assistant, id_number=make_id_number(birth=datetime.date(1990, 5, 1), sequence=11), name="张三",
        village=heyuan[VILLAGE], status=LabourStatus.MIGRANT, status_detail="out_of_province",
        status_since=TODAY - datetime.timedelta(days=90))[0]
    residents_services.record_status_change(actor=village_assistant, person=person, status=LabourStatus.UNEMPLOYED,
                                            effective_date=TODAY - datetime.timedelta(days=30))
    registration = employment_services.apply_for_unemployment_registration(
        actor=village_assistant, person=person, category="graduate", wants_work=True, able_to_work=True,
        documents=["id_card"])
    move = employment_services.decide_unemployment_registration
    move(actor=reviewer, registration=registration, action=Action.RETURN, version=registration.case.version,
         reason="类别有误")
    registration.case.refresh_from_db()
    employment_services.correct_unemployment_application(
        actor=village_assistant, registration=registration, version=registration.case.version, category="lost_job",
        documents=["id_card", "termination_proof"], last_employer="河源市某电子厂",
        left_job_on=TODAY - datetime.timedelta(days=30))
    for actor, action in ((village_assistant, Action.RESUBMIT), (reviewer, Action.FORWARD),
                          (officer, Action.FORWARD), (approver, Action.APPROVE)):
        registration.case.refresh_from_db()
        move(actor=actor, registration=registration, action=action, version=registration.case.version)
    employment_services.record_contact(actor=village_assistant, registration=registration, contacted_on=TODAY,
                                       kind="phone")
    employment_services.cancel_unemployment_registration(actor=officer, registration=registration, reason="hired")
    account_services.request_password_reset(actor=system_admin, user=village_assistant)
    account_services.approve_password_reset(actor=security_admin, user=village_assistant)
    with pytest.raises(ValidationError):
        account_services.complete_password_reset(username=village_assistant.username, first_half="0000-0000",
                                                 second_half="0000-0000", new_password="Zz9-very-long-password")
    bob = make_user("bob", VILLAGE, Role.VILLAGE_ASSISTANT)
    account_services.create_token(actor=system_admin, user=bob)
    account_services.set_active(actor=system_admin, user=bob, active=False)
    return AuditEntry.objects.order_by("id")


def test_every_value_from_a_set_of_choices_is_shown_by_its_name(logged):
    actions = {entry.action for entry in logged}
    assert {"residents.status.recorded", "employment.unemployment.corrected", "employment.unemployment.cancelled",
            "employment.contact.recorded", "accounts.password_reset.wrong_code"} <= actions
    stored = choice_values()
    assert {"hired", "out_of_province", "lost_job", "termination_proof", "phone"} <= stored
    raw = [(entry.action, change.label, part) for entry in describe(logged) for change in entry.changes
           for value in (change.before, change.after) if value is not None
           for part in value.split("、") if part in stored]
    assert raw == []


def test_a_status_change_reads_before_to_after_under_one_label(logged):
    (entry,) = describe(logged.filter(action="residents.status.recorded", before__labour_status="migrant"))
    changes = {change.label: (change.before, change.after) for change in entry.changes}
    assert changes["就业状态"] == ("转移就业", "失业")
    assert changes["状态说明"] == ("省外", "（空）")
    assert all(before is not None and after is not None for before, after in changes.values())


def test_the_cancellation_names_its_reason_and_the_correction_its_documents(logged):
    (cancelled,) = describe(logged.filter(action="employment.unemployment.cancelled"))
    assert ("原因", None, "被用人单位录用") in [(c.label, c.before, c.after) for c in cancelled.changes]
    (corrected,) = describe(logged.filter(action="employment.unemployment.corrected"))
    changes = {change.label: (change.before, change.after) for change in corrected.changes}
    assert changes["失业人员类别"] == ("16周岁以上各类学校毕业或肄业", "从用人单位失业")
    assert changes["已验材料"][1] == "居民身份证或社会保障卡、终止/解除劳动关系证明"


def test_notes_are_written_in_chinese(logged):
    english = [(entry.action, entry.note) for entry in logged if re.search(r"\b(?!API\b)[A-Za-z]{3,}", entry.note)]
    assert english == []
    assert logged.get(action="accounts.user.disabled").note == "同时吊销 1 个 API 令牌"
    (wrong,) = logged.filter(action="accounts.password_reset.wrong_code")
    assert wrong.note.startswith("第 1 次输错")


def test_the_page_shows_the_action_code_only_as_a_tooltip(logged, auditor):
    client = Client()
    client.force_login(auditor)
    html = client.get("/audit/", {"action": "employment.unemployment.cancelled"}).content.decode()
    assert 'title="employment.unemployment.cancelled">注销失业登记<' in html
    text = re.sub(r"<[^>]+>", " ", html)
    assert "employment.unemployment.cancelled" not in text.replace('"employment.unemployment.cancelled"', "")
