"""A death reported in the village cancels the person's standing card; a move within the city takes a card not yet
handed over to the new village (the old one gets 404), while a card already handed over stays."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from hrss.core.models import AuditEntry, Region
from hrss.pensions.benefits import services as benefits
from hrss.pensions.cards import services
from hrss.pensions.models import CardApplication
from hrss.residents import services as residents_services
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY

from .conftest import DAY, apply


def test_a_death_cancels_the_standing_card(arrived, village_assistant):
    services.hand_over(actor=village_assistant, application=arrived, received_by=arrived.person.name,
                       on=TODAY - DAY, today=TODAY)
    benefits.report_death(actor=village_assistant, person=arrived.person, died_on=TODAY - DAY, today=TODAY)
    arrived.refresh_from_db()
    assert (arrived.state, arrived.cancelled_on, arrived.note) == ("cancelled", TODAY, "死亡注销")
    entry = AuditEntry.objects.get(action="pensions.card.cancelled", target_id=str(arrived.pk))
    assert entry.after["card_state"] == "cancelled" and entry.actor == village_assistant


def test_a_death_cancels_an_application_on_its_way_and_leaves_lost_cards(person, village_assistant):
    application = apply(village_assistant, person)
    CardApplication.objects.filter(pk=application.pk).update(state="lost", card_number="Z00000001", lost_on=TODAY,
                                                              handed_over_on=TODAY, received_by=person.name)
    replacement = apply(village_assistant, person)
    benefits.report_death(actor=village_assistant, person=person, died_on=TODAY, today=TODAY)
    assert CardApplication.objects.get(pk=replacement.pk).state == "cancelled"
    assert CardApplication.objects.get(pk=application.pk).state == "lost"


def test_a_card_on_its_way_follows_its_person(arrived, township_officer, village_assistant,
                                              neighbour_village_assistant):
    residents_services.move_person(actor=township_officer, person=arrived.person,
                                   to_village=Region.objects.get(code=NEIGHBOUR_VILLAGE))
    arrived.refresh_from_db()
    assert arrived.region_code == NEIGHBOUR_VILLAGE
    old, new = Client(), Client()
    old.force_login(village_assistant)
    new.force_login(neighbour_village_assistant)
    assert old.get(f"/pensions/cards/{arrived.pk}/").status_code == 404
    assert new.get(f"/pensions/cards/{arrived.pk}/").status_code == 200
    services.hand_over(actor=neighbour_village_assistant, application=arrived, received_by=arrived.person.name,
                       on=TODAY, today=TODAY)


def test_a_card_handed_over_stays_where_it_was_handed_over(arrived, township_officer, village_assistant):
    services.hand_over(actor=village_assistant, application=arrived, received_by=arrived.person.name, on=TODAY,
                       today=TODAY)
    village = arrived.region_code
    residents_services.move_person(actor=township_officer, person=arrived.person,
                                   to_village=Region.objects.get(code=NEIGHBOUR_VILLAGE))
    assert CardApplication.objects.get(pk=arrived.pk).region_code == village


def test_no_card_for_a_person_reported_dead(person, village_assistant):
    benefits.report_death(actor=village_assistant, person=person, died_on=TODAY - DAY, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        apply(village_assistant, person)
    assert refused.value.messages == [f"{person.name}已于{TODAY - DAY:%Y-%m-%d}报告死亡，不能申领社保卡。"]
