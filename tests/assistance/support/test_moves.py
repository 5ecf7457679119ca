"""A standing recognition's plans and visits follow the person when the ledger moves them (attack F1): the old village
gets 404 and sees none of them, the new one sees and continues the file. An exited recognition's stay behind."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from hrss.assistance.models import AssistancePlan, HomeVisit
from hrss.assistance.support import services
from hrss.core.models import Region
from hrss.residents import services as residents_services
from tests.assistance.support.conftest import recognise, register
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE

DAY = datetime.timedelta(days=1)


def planned_and_visited(alice, recognition):
    services.save_plan(actor=alice, recognition=recognition, items=["guidance"], responsible=alice,
                       target_on=TODAY + 30 * DAY, today=TODAY - 10 * DAY)
    services.save_plan(actor=alice, recognition=recognition, items=["training"], responsible=alice,
                       target_on=TODAY + 30 * DAY)
    services.record_visit(actor=alice, recognition=recognition, visited_on=TODAY - DAY, way="home", outcome="在家")


def move(actor, person):
    residents_services.move_person(actor=actor, person=person, to_village=Region.objects.get(code=NEIGHBOUR_VILLAGE),
                                   effective_date=TODAY)


def test_plans_and_visits_follow_the_person(recognition, village_assistant, neighbour_village_assistant,
                                            township_officer):
    planned_and_visited(village_assistant, recognition)
    move(township_officer, recognition.person)
    assert set(AssistancePlan.objects.values_list("region_code", flat=True)) == {NEIGHBOUR_VILLAGE}
    assert set(HomeVisit.objects.values_list("region_code", flat=True)) == {NEIGHBOUR_VILLAGE}

    old, new = Client(), Client()
    old.force_login(village_assistant)
    new.force_login(neighbour_village_assistant)
    for path in (f"/assistance/support/{recognition.pk}/", f"/assistance/support/{recognition.pk}/plan/",
                 f"/assistance/support/{recognition.pk}/visit/"):
        assert old.get(path).status_code == 404
        assert new.get(path).status_code == 200
    assert "李援助" not in old.get("/assistance/support/ledger/").content.decode()
    assert "李援助" not in old.get("/assistance/support/visits/").content.decode()
    assert "李援助" in new.get("/assistance/support/ledger/").content.decode()
    assert "李援助" in new.get("/assistance/support/visits/").content.decode()

    recognition.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.record_visit(actor=village_assistant, recognition=recognition, visited_on=TODAY, way="home",
                              outcome="旧村")
    visit = services.record_visit(actor=neighbour_village_assistant, recognition=recognition, visited_on=TODAY,
                                  way="phone", outcome="新村接手")
    plan = services.save_plan(actor=neighbour_village_assistant, recognition=recognition, items=["placement"],
                              responsible=neighbour_village_assistant, target_on=TODAY + 30 * DAY)
    assert (visit.region_code, plan.region_code, plan.version) == (NEIGHBOUR_VILLAGE, NEIGHBOUR_VILLAGE, 3)


def test_an_exited_recognitions_file_stays(heyuan, village_assistant, township_officer):
    person = register(village_assistant, "周已退出", serial=31)
    exited = recognise(person, village_assistant)
    planned_and_visited(village_assistant, exited)
    exited.status, exited.exited_on, exited.exit_reason = "exited", TODAY, "moved_away"
    exited.save(update_fields=["status", "exited_on", "exit_reason"])
    move(township_officer, person)
    assert set(AssistancePlan.objects.values_list("region_code", flat=True)) == {VILLAGE}
    assert set(HomeVisit.objects.values_list("region_code", flat=True)) == {VILLAGE}
