import datetime

import pytest

from hrss.assistance.models import Recognition, RecognitionStatus
from hrss.assistance.support import demo
from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE

RECOGNISED_DAYS_AGO = 60


def register(actor, name, village=VILLAGE, serial=11, birth=None):
    birth = birth or datetime.date(TODAY.year - 45, 3, 1)
    person, _ = residents_services.register_person(
        actor=actor, id_number=id_number_for(village[:6], birth, serial), name=name,
        village=Region.objects.get(code=village), status="unemployed",
        status_since=TODAY - datetime.timedelta(days=300))
    return person


def recognise(person, actor, days_ago=RECOGNISED_DAYS_AGO, **changes):
    """A standing recognition, written directly (the recognition part's chain is not what these tests are about)."""
    recognition = demo.recognise_directly(person=person, actor=actor,
                                          recognised_on=TODAY - datetime.timedelta(days=days_ago))
    if changes:
        Recognition.objects.filter(pk=recognition.pk).update(**changes)
        recognition.refresh_from_db()
    return recognition


@pytest.fixture
def township_reviewer(make_user):
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def person(heyuan, village_assistant):
    return register(village_assistant, "李援助")


@pytest.fixture
def recognition(person, village_assistant):
    return recognise(person, village_assistant)


@pytest.fixture
def neighbour_recognition(heyuan, neighbour_village_assistant):
    person = register(neighbour_village_assistant, "王邻居", village=NEIGHBOUR_VILLAGE, serial=13)
    return recognise(person, neighbour_village_assistant)


__all__ = ["RecognitionStatus", "recognise", "register"]
