"""An open 求职登记 moves with its person: the new village's assistant sees it and its matches are placed there;
an ended one stays where it was made."""

from django.urls import reverse

from hrss.jobservices.models import JobSeeker, WantedOccupation
from hrss.residents import services as residents_services
from tests.jobservices.seekers.conftest import NEIGHBOUR_VILLAGE_CODE


def test_an_open_registration_follows_the_person_to_the_new_village(client, heyuan, make_seeker, township_officer,
                                                                    village_assistant, neighbour_village_assistant):
    seeker = make_seeker(name="搬家者")
    residents_services.move_person(actor=township_officer, person=seeker.person,
                                   to_village=heyuan[NEIGHBOUR_VILLAGE_CODE])
    seeker.refresh_from_db()
    assert seeker.region_code == NEIGHBOUR_VILLAGE_CODE
    assert set(WantedOccupation.objects.filter(seeker=seeker).values_list("region_code", flat=True)) == {
        NEIGHBOUR_VILLAGE_CODE}
    client.force_login(neighbour_village_assistant)
    assert "搬家者" in client.get(reverse("jobservices:seekers-list")).content.decode()
    client.force_login(village_assistant)
    assert "搬家者" not in client.get(reverse("jobservices:seekers-list")).content.decode()


def test_an_ended_registration_stays_where_it_was_made(heyuan, make_seeker, township_officer):
    from hrss.jobservices.seekers import services

    seeker = make_seeker(name="已结束")
    services.end_seeking(actor=township_officer, seeker=seeker, reason="withdrawn")
    residents_services.move_person(actor=township_officer, person=seeker.person,
                                   to_village=heyuan[NEIGHBOUR_VILLAGE_CODE])
    assert JobSeeker.objects.get(pk=seeker.pk).region_code == "441602001003"
