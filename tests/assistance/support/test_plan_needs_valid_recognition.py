"""A plan only for a person whose recognition stands today (已认定, valid_until not passed); its items from the
list, a responsible staff member of the village or above, a target not in the past."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.assistance.models import AssistancePlan, RecognitionStatus
from hrss.assistance.support import services
from tests.assistance.support.conftest import recognise, register
from tests.conftest import TODAY

LATER = TODAY + datetime.timedelta(days=90)


def save(actor, recognition, **changes):
    data = {"items": ["guidance", "placement"], "responsible": actor, "target_on": LATER, "notes": "每月推荐岗位"}
    return services.save_plan(actor=actor, recognition=recognition, **{**data, **changes})


def test_a_recognised_person_gets_a_plan(recognition, village_assistant):
    plan = save(village_assistant, recognition)
    assert (plan.version, plan.is_current, plan.items) == (1, True, ["guidance", "placement"])
    assert plan.region_code == recognition.region_code and plan.made_on == TODAY


def test_items_are_kept_in_the_lists_order_once_each(recognition, village_assistant):
    plan = save(village_assistant, recognition, items=["training", "guidance", "training"])
    assert plan.items == ["guidance", "training"]


@pytest.mark.parametrize("changes, message", [
    ({"status": RecognitionStatus.IN_REVIEW, "recognised_on": None, "valid_until": None}, "尚未认定"),
    ({"valid_until": TODAY - datetime.timedelta(days=1)}, "已过期"),
    ({"status": RecognitionStatus.EXITED, "exited_on": TODAY - datetime.timedelta(days=1),
      "exit_reason": "stable_work"}, "已于"),
])
def test_no_plan_without_a_recognition_standing_today(person, village_assistant, changes, message):
    recognition = recognise(person, village_assistant, **changes)
    with pytest.raises(ValidationError) as refused:
        save(village_assistant, recognition)
    assert message in " ".join(refused.value.messages)
    assert not AssistancePlan.objects.exists()


def test_the_last_valid_day_still_counts(person, village_assistant):
    recognition = recognise(person, village_assistant, valid_until=TODAY)
    assert save(village_assistant, recognition).version == 1


@pytest.mark.parametrize("changes, message", [
    ({"items": []}, "至少选择一项"),
    ({"items": ["guidance", "lottery"]}, "lottery不是可选的措施"),
    ({"items": ["other"]}, "其他措施说明"),
    ({"target_on": TODAY - datetime.timedelta(days=1)}, "早于今天"),
    ({"responsible": None}, "请选择责任人"),
])
def test_bad_plans_say_what_to_fix(recognition, village_assistant, changes, message):
    with pytest.raises(ValidationError) as refused:
        save(village_assistant, recognition, **changes)
    assert message in " ".join(refused.value.messages)
    assert not AssistancePlan.objects.exists()


def test_the_responsible_must_work_for_the_village(recognition, village_assistant, neighbour_village_assistant,
                                                   township_officer):
    with pytest.raises(ValidationError) as refused:
        save(village_assistant, recognition, responsible=neighbour_village_assistant)
    assert "不负责该人员所在村(社区)" in " ".join(refused.value.messages)
    assert save(village_assistant, recognition, responsible=township_officer).responsible == township_officer


def test_other_is_kept_with_its_note(recognition, village_assistant):
    plan = save(village_assistant, recognition, items=["other"], other_item="心理疏导")
    assert plan.item_labels() == ["其他（心理疏导）"]


def test_outside_the_scope_is_refused_and_audited(recognition, neighbour_village_assistant):
    from hrss.core.models import AuditEntry

    with pytest.raises(PermissionDenied):
        save(neighbour_village_assistant, recognition)
    assert AuditEntry.objects.filter(action="assistance.plan.save", outcome="denied").count() == 1


def test_a_read_only_role_may_not_plan(recognition, make_user):
    from hrss.core.permissions import Role
    from tests.conftest import PROVINCE

    viewer = make_user("vv", PROVINCE, Role.PROVINCE_VIEWER)
    with pytest.raises(PermissionDenied):
        save(viewer, recognition, responsible=None)


def test_another_person_of_the_village_is_not_touched(recognition, village_assistant):
    other = recognise(register(village_assistant, "赵其他", serial=15), village_assistant)
    save(village_assistant, recognition)
    assert not AssistancePlan.objects.filter(recognition=other).exists()
