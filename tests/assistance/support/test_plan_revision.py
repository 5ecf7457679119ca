"""Revising a plan adds the next version; the earlier one stays as history (not current), and the audit entry says
what changed."""

import datetime
import re

from django.test import Client

from hrss.assistance.models import AssistancePlan
from hrss.assistance.support import services
from hrss.core.models import AuditEntry
from tests.conftest import TODAY

LATER = TODAY + datetime.timedelta(days=90)


def test_a_revision_keeps_the_history(recognition, village_assistant, township_officer):
    first = services.save_plan(actor=village_assistant, recognition=recognition, items=["guidance"],
                               responsible=village_assistant, target_on=LATER, notes="先做职业指导")
    second = services.save_plan(actor=village_assistant, recognition=recognition, items=["guidance", "training"],
                                responsible=township_officer, target_on=LATER, notes="先做职业指导")
    first.refresh_from_db()
    assert (first.version, first.is_current, first.items) == (1, False, ["guidance"])
    assert (second.version, second.is_current) == (2, True)
    assert AssistancePlan.objects.filter(recognition=recognition, is_current=True).get() == second

    made, revised = AuditEntry.objects.filter(action__startswith="assistance.plan.").order_by("id")
    assert made.action == "assistance.plan.made" and revised.action == "assistance.plan.revised"
    assert revised.before == {"plan_items": ["职业指导"], "plan_responsible": "alice"}
    assert revised.after == {"plan_items": ["职业指导", "职业培训"], "plan_responsible": "tina"}
    assert revised.subject_id_number == recognition.person.id_number


def test_the_page_shows_the_current_plan_and_the_earlier_versions(recognition, village_assistant):
    services.save_plan(actor=village_assistant, recognition=recognition, items=["guidance"],
                       responsible=village_assistant, target_on=LATER)
    client = Client()
    client.force_login(village_assistant)
    response = client.post(f"/assistance/support/{recognition.pk}/plan/", {
        "items": ["public_post", "insurance_subsidy"], "responsible": village_assistant.pk,
        "target_on": LATER.isoformat(), "notes": "安排公益性岗位"})
    assert response.status_code == 302
    page = client.get(f"/assistance/support/{recognition.pk}/").content.decode()
    assert "第2版" in page and "公益性岗位安置、社会保险补贴" in page
    assert 'data-testid="support-plan-history"' in page and "第1版" in page


def test_the_form_starts_from_the_current_plan_and_keeps_input_on_refusal(recognition, village_assistant):
    services.save_plan(actor=village_assistant, recognition=recognition, items=["business"],
                       responsible=village_assistant, target_on=LATER, notes="开网店")
    client = Client()
    client.force_login(village_assistant)
    form = client.get(f"/assistance/support/{recognition.pk}/plan/").content.decode()
    assert re.search(r'<input[^>]*value="business"[^>]*checked', form)
    assert not re.search(r'<input[^>]*value="guidance"[^>]*checked', form)
    assert "开网店" in form and "修订援助计划" in form
    refused = client.post(f"/assistance/support/{recognition.pk}/plan/", {
        "items": ["other"], "responsible": village_assistant.pk, "target_on": LATER.isoformat(), "notes": "补充"})
    assert refused.status_code == 200
    assert "请填写其他措施说明" in refused.content.decode()
    assert AssistancePlan.objects.filter(recognition=recognition).count() == 1
