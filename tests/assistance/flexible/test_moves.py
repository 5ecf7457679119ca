"""An active flexible registration and its standing subsidy (with the subsidy's review case) follow the person when
the ledger moves them (attack F1): the old village gets 404 and sees none of them, the new one reads them and acts on
them. An ended registration stays where it was made."""

import datetime

from django.test import Client
from django.urls import reverse

from hrss.assistance.flexible import services
from hrss.assistance.models import FlexibleRegistration, FlexibleSubsidy
from hrss.core.models import Region
from hrss.residents import services as residents_services
from tests.assistance.flexible.conftest import register
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE


def move(actor, person):
    residents_services.move_person(actor=actor, person=person, to_village=Region.objects.get(code=NEIGHBOUR_VILLAGE),
                                   effective_date=TODAY)


def test_the_registration_and_the_running_subsidy_follow_the_person(running_subsidy, village_assistant,
                                                                     neighbour_village_assistant, township_officer):
    move(township_officer, running_subsidy.person)
    subsidy = FlexibleSubsidy.objects.select_related("case", "registration").get(pk=running_subsidy.pk)
    assert subsidy.region_code == subsidy.case.region_code == subsidy.registration.region_code == NEIGHBOUR_VILLAGE

    old, new = Client(), Client()
    old.force_login(village_assistant)
    new.force_login(neighbour_village_assistant)
    for name, pk in (("assistance:flexible-detail", subsidy.registration_id),
                     ("assistance:flexible-subsidy-detail", subsidy.pk)):
        assert old.get(reverse(name, args=[pk])).status_code == 404
        assert new.get(reverse(name, args=[pk])).status_code == 200
    assert subsidy.person.name not in old.get(reverse("assistance:flexible-ledger")).content.decode()
    assert subsidy.person.name in new.get(reverse("assistance:flexible-ledger")).content.decode()
    # The new village acts on it: it ends the registration (the subsidy stops with it).
    services.end_flexible(actor=neighbour_village_assistant, registration=subsidy.registration, ended_on=TODAY,
                          reason="hired")
    assert FlexibleSubsidy.objects.get(pk=subsidy.pk).stopped_on == TODAY


def test_an_unverified_registration_moves_and_is_verified_by_the_new_village(worker, village_assistant,
                                                                             neighbour_village_assistant,
                                                                             township_officer):
    registration = register(village_assistant, worker)
    move(township_officer, worker)
    registration.refresh_from_db()
    assert registration.region_code == NEIGHBOUR_VILLAGE
    services.verify_flexible(actor=neighbour_village_assistant, registration=registration, verified_on=TODAY,
                             note="新村核实")


def test_an_ended_registration_stays_where_it_was_made(worker, village_assistant, township_officer):
    ended = register(village_assistant, worker, started_on=TODAY - datetime.timedelta(days=20))
    services.end_flexible(actor=village_assistant, registration=ended, ended_on=TODAY, reason="stopped")
    move(township_officer, worker)
    assert FlexibleRegistration.objects.get(pk=ended.pk).region_code == VILLAGE
