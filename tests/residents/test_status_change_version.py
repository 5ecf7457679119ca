"""A status change sent with the version of the person the user loaded is checked against the row itself, inside the
transaction that writes it (not by the caller beforehand): a change made in between refuses it, and the person's
version always moves on from the row's, whatever copy the caller holds."""

import datetime

import pytest

from hrss.residents import services
from hrss.residents.models import LabourStatus, LabourStatusEvent, Person, Relation
from tests.conftest import TODAY, VILLAGE
from tests.residents.factories import MAN_1980


@pytest.fixture
def zhang(heyuan, village_assistant):
    person, _ = services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三",
                                         village=heyuan[VILLAGE], status=LabourStatus.FARMING,
                                         status_since=datetime.date(2020, 1, 1), relation_to_head=Relation.HEAD)
    return person


def change(actor, person, version):
    return services.record_status_change(actor=actor, person=person, status=LabourStatus.UNEMPLOYED,
                                         effective_date=TODAY, version=version)


def test_the_version_the_user_loaded_records_the_change(zhang, village_assistant):
    loaded = zhang.version
    change(village_assistant, zhang, loaded)
    assert Person.objects.get(pk=zhang.pk).labour_status == LabourStatus.UNEMPLOYED
    assert Person.objects.get(pk=zhang.pk).version == loaded + 1


def test_a_change_saved_in_between_refuses_the_stale_one_and_keeps_the_first(zhang, village_assistant,
                                                                            township_officer):
    loaded = zhang.version
    services.update_person(actor=township_officer, person=Person.objects.get(pk=zhang.pk), version=loaded,
                           phone="13900000000")
    with pytest.raises(services.StaleVersion, match="请刷新页面"):
        change(village_assistant, zhang, loaded)
    person = Person.objects.get(pk=zhang.pk)
    assert (person.labour_status, person.phone) == (LabourStatus.FARMING, "13900000000")
    assert not LabourStatusEvent.objects.filter(person=person, status=LabourStatus.UNEMPLOYED).exists()


def test_the_row_decides_not_the_callers_copy(zhang, village_assistant, township_officer):
    """A caller holding an older copy of the person, but sending the version the user saw on a fresh page: the
    change goes through, and the version moves on from the row's (a bump from the old copy would give two states
    one version, and the next stale page would not be caught)."""
    old_copy = Person.objects.get(pk=zhang.pk)
    services.update_person(actor=township_officer, person=Person.objects.get(pk=zhang.pk), version=zhang.version,
                           phone="13900000000")
    current = Person.objects.get(pk=zhang.pk).version
    change(village_assistant, old_copy, current)
    assert Person.objects.get(pk=zhang.pk).version == current + 1
    with pytest.raises(services.StaleVersion):
        change(village_assistant, old_copy, current)
