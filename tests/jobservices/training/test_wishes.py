"""Training wishes are coded (an occupation of the 职业分类大典 and a kind of course), per region, and the ledger's
培训意愿 flag without a coded wish is listed as 待细化."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.core.models import AuditEntry
from hrss.jobservices.models import TrainingWish, WishStatus
from hrss.jobservices.training import services
from tests.conftest import TODAY
from tests.jobservices.training.conftest import COOK


def test_a_wish_is_coded_and_sets_the_ledger_flag(person, village_assistant):
    assert not person.wants_training
    wish = services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="skills")
    person.refresh_from_db()
    assert person.wants_training
    assert (wish.region_code, wish.occupation_code, wish.kind, wish.status, wish.recorded_on) == (
        person.region_code, COOK, "skills", WishStatus.OPEN, TODAY)
    assert AuditEntry.objects.filter(action="jobservices.training.wish.recorded", actor=village_assistant).exists()
    # The ledger's change is the ledger's own: its version moves and its audit entry says what changed.
    assert person.version == 2
    change = AuditEntry.objects.get(action="residents.person.updated", actor=village_assistant)
    assert (change.before["wants_training"], change.after["wants_training"]) == (False, True)


@pytest.mark.parametrize(("code", "message"), [
    ("厨师", "格式不对"),
    ("4-03-2", "格式不对"),
    ("4-99-99-99", "职业分类大典中没有代码“4-99-99-99”"),
    ("", "请填写职业代码"),
])
def test_a_wish_needs_a_known_occupation_code(person, village_assistant, code, message):
    with pytest.raises(ValidationError) as error:
        services.record_training_wish(actor=village_assistant, person=person, occupation_code=code, kind="skills")
    assert message in " ".join(error.value.messages)
    assert not TrainingWish.objects.exists()


def test_a_wish_accepts_any_level_of_the_classification(person, village_assistant):
    for code in ("4", "4-03", "4-03-02"):
        services.record_training_wish(actor=village_assistant, person=person, occupation_code=code, kind="skills")
    assert TrainingWish.objects.count() == 3


def test_the_same_open_wish_is_not_recorded_twice(person, village_assistant):
    services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="skills")
    with pytest.raises(ValidationError, match="无需重复登记"):
        services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="skills")
    # Another kind of course for the same occupation is another wish.
    services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="rural_transfer")


def test_a_wish_needs_a_kind(person, village_assistant):
    with pytest.raises(ValidationError, match="请选择培训类型"):
        services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="cooking")


def test_an_assistant_of_another_village_cannot_record_a_wish(person, neighbour_village_assistant):
    with pytest.raises(PermissionDenied):
        services.record_training_wish(actor=neighbour_village_assistant, person=person, occupation_code=COOK,
                                      kind="skills")
    assert AuditEntry.objects.filter(actor=neighbour_village_assistant, outcome=AuditEntry.Outcome.DENIED,
                                     action="jobservices.training.wish.record").count() == 1


def test_withdrawing_closes_the_wish(person, village_assistant):
    wish = services.record_training_wish(actor=village_assistant, person=person, occupation_code=COOK, kind="skills")
    services.withdraw_training_wish(actor=village_assistant, wish=wish, reason="外出务工")
    wish.refresh_from_db()
    assert (wish.status, wish.closed_on) == (WishStatus.WITHDRAWN, TODAY)
    with pytest.raises(ValidationError, match="只有待培训"):
        services.withdraw_training_wish(actor=village_assistant, wish=wish)


def test_the_region_list_shows_wishes_and_the_ledger_flags_still_to_code(resident, village_assistant, county_officer):
    coded = resident(name="王五")
    services.record_training_wish(actor=village_assistant, person=coded, occupation_code=COOK, kind="skills")
    resident(name="赵六", wants_training=True)  # the ledger says so; nobody coded it yet
    resident(name="钱七")  # no wish at all
    client = Client()
    client.force_login(county_officer)
    wishes = client.get("/jobservices/training/wishes/").content.decode()
    assert "王五" in wishes and "中式烹调师" in wishes and "赵六" not in wishes
    uncoded = client.get("/jobservices/training/wishes/", {"show": "uncoded"}).content.decode()
    assert "赵六" in uncoded and "王五" not in uncoded and "钱七" not in uncoded


def test_the_wish_form_records_and_returns_to_the_person(person, village_assistant):
    client = Client()
    client.force_login(village_assistant)
    response = client.post(f"/jobservices/training/wishes/new/{person.pk}/", {"occupation_code": COOK,
                                                                             "kind": "skills"})
    assert response.status_code == 302
    assert TrainingWish.objects.get().person == person
    page = client.post(f"/jobservices/training/wishes/new/{person.pk}/", {"occupation_code": "9-99",
                                                                         "kind": "skills"})
    assert "职业分类大典中没有代码" in page.content.decode() or "格式不对" in page.content.decode()


def test_the_person_page_names_the_wished_occupation(client, heyuan, village_assistant):
    """A coded wish reads with its 大典 name on the person's page, not as a bare code."""
    from hrss.jobservices.training import services as training_services
    from hrss.residents import services as residents_services
    from tests.residents.factories import make_id_number

    person = residents_services.register_person(actor=village_assistant, id_number=make_id_number(sequence=515),
                                                name="吴十", village=heyuan["441602001003"], status="farming")[0]
    training_services.record_training_wish(actor=village_assistant, person=person, occupation_code="4-02-06-01",
                                           kind="skills")
    client.force_login(village_assistant)
    page = client.get(f"/residents/{person.pk}/").content.decode()
    assert "4-02-06-01 仓储管理员" in page
