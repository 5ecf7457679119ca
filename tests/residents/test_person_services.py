import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.residents import selectors, services
from hrss.residents.models import LabourStatus, Person, Relation
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, NEIGHBOUR_VILLAGE, VILLAGE
from tests.residents.factories import CHILD_2015, MAN_1980, WOMAN_1982, make_id_number

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def zhang(heyuan, village_assistant):
    person, _ = services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三",
                                         village=heyuan[VILLAGE], status=LabourStatus.FARMING,
                                         status_since=datetime.date(2020, 1, 1), relation_to_head=Relation.HEAD,
                                         today=TODAY)
    return person


def test_registering_derives_sex_and_birth_date(zhang):
    assert (zhang.sex, zhang.birth_date) == ("M", datetime.date(1980, 1, 1))
    assert zhang.household.head_id_number == MAN_1980
    assert AuditEntry.objects.filter(action="residents.person.registered", subject_id_number=MAN_1980).count() == 1


def test_a_person_outside_the_assistants_village_is_refused(heyuan, village_assistant):
    with pytest.raises(PermissionDenied):
        services.register_person(actor=village_assistant, id_number=WOMAN_1982, name="李四",
                                 village=heyuan[NEIGHBOUR_VILLAGE], today=TODAY)
    assert not Person.objects.exists()


def test_the_same_id_number_cannot_be_registered_twice(zhang, heyuan, make_user):
    from hrss.core.permissions import Role

    other = make_user("zz", NEIGHBOUR_COUNTY_VILLAGE, Role.VILLAGE_ASSISTANT)
    with pytest.raises(ValidationError, match="已在其他地区登记"):
        services.register_person(actor=other, id_number=MAN_1980.lower(), name="张三",
                                 village=heyuan[NEIGHBOUR_COUNTY_VILLAGE], today=TODAY)


def test_a_status_change_is_an_event_and_the_ledger_shows_any_date(zhang, village_assistant):
    services.record_status_change(actor=village_assistant, person=zhang, status=LabourStatus.MIGRANT,
                                  detail="out_of_province", effective_date=datetime.date(2026, 3, 1), today=TODAY)
    zhang.refresh_from_db()
    assert zhang.labour_status == LabourStatus.MIGRANT and zhang.status_label == "转移就业（省外）"
    assert services.status_on(zhang, datetime.date(2026, 2, 28)).status == LabourStatus.FARMING
    assert services.status_on(zhang, datetime.date(2026, 3, 1)).status == LabourStatus.MIGRANT
    assert services.status_on(zhang, datetime.date(2019, 12, 31)) is None


def test_a_back_dated_change_does_not_override_a_later_one(zhang, village_assistant):
    services.record_status_change(actor=village_assistant, person=zhang, status=LabourStatus.EMPLOYED,
                                  effective_date=datetime.date(2026, 5, 1), today=TODAY)
    services.record_status_change(actor=village_assistant, person=zhang, status=LabourStatus.UNEMPLOYED,
                                  effective_date=datetime.date(2025, 1, 1), today=TODAY)
    zhang.refresh_from_db()
    assert zhang.labour_status == LabourStatus.EMPLOYED


def test_employed_at_fifteen_is_refused_and_at_sixteen_allowed(heyuan, village_assistant):
    teenager, _ = services.register_person(actor=village_assistant, id_number=CHILD_2015, name="张小",
                                           village=heyuan[VILLAGE], status=LabourStatus.STUDENT, today=TODAY)
    with pytest.raises(ValidationError, match="未满16周岁"):
        services.record_status_change(actor=village_assistant, person=teenager, status=LabourStatus.EMPLOYED,
                                      effective_date=datetime.date(2030, 12, 31), today=datetime.date(2031, 1, 1))
    services.record_status_change(actor=village_assistant, person=teenager, status=LabourStatus.EMPLOYED,
                                  effective_date=datetime.date(2031, 1, 1), today=datetime.date(2031, 1, 1))


def test_unemployed_past_retirement_age_is_refused(heyuan, village_assistant):
    old = make_id_number(birth=datetime.date(1960, 5, 5), sequence=1)
    with pytest.raises(ValidationError, match="法定退休年龄"):
        services.register_person(actor=village_assistant, id_number=old, name="老王", village=heyuan[VILLAGE],
                                 status=LabourStatus.UNEMPLOYED, today=TODAY)


def test_retired_within_working_age_is_a_warning(heyuan, village_assistant):
    _, warnings = services.register_person(actor=village_assistant, id_number=WOMAN_1982, name="李四",
                                           village=heyuan[VILLAGE], status=LabourStatus.RETIRED, today=TODAY)
    assert any("未达到法定退休年龄" in warning for warning in warnings)


def test_a_migrant_needs_a_destination(zhang, village_assistant):
    with pytest.raises(ValidationError, match="去向"):
        services.record_status_change(actor=village_assistant, person=zhang, status=LabourStatus.MIGRANT,
                                      effective_date=TODAY, today=TODAY)


def test_a_stale_edit_is_refused_and_the_first_edit_kept(zhang, village_assistant, township_officer):
    loaded = zhang.version
    services.update_person(actor=village_assistant, person=zhang, version=loaded, phone="13900000000")
    stale = Person.objects.get(pk=zhang.pk)
    with pytest.raises(services.StaleVersion):
        services.update_person(actor=township_officer, person=stale, version=loaded, phone="13700000000")
    assert Person.objects.get(pk=zhang.pk).phone == "13900000000"


def test_moving_keeps_history_and_both_ledgers_right(zhang, heyuan, township_officer, village_assistant):
    services.move_person(actor=township_officer, person=zhang, to_village=heyuan[NEIGHBOUR_VILLAGE])
    assert zhang.region_code == NEIGHBOUR_VILLAGE
    assert zhang.status_events.count() == 1
    assert not selectors.search_people(village_assistant).exists()
    assert selectors.search_people(township_officer, region=heyuan[NEIGHBOUR_VILLAGE]).get() == zhang


def test_a_village_assistant_cannot_move_someone_out_of_scope(zhang, heyuan, village_assistant):
    with pytest.raises(PermissionDenied):
        services.move_person(actor=village_assistant, person=zhang, to_village=heyuan[NEIGHBOUR_VILLAGE])


def test_revealing_the_id_number_is_audited_with_the_reason(zhang, village_assistant):
    assert services.reveal_id_number(actor=village_assistant, person=zhang, reason="办理失业登记核对") == MAN_1980
    entry = AuditEntry.objects.get(action="residents.id_number.revealed")
    assert entry.subject_id_number == MAN_1980 and entry.note == "办理失业登记核对"
    with pytest.raises(ValidationError, match="事由"):
        services.reveal_id_number(actor=village_assistant, person=zhang, reason=" ")


def test_zero_employment_household_is_detected(heyuan, village_assistant):
    head, _ = services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三",
                                       village=heyuan[VILLAGE], status=LabourStatus.UNEMPLOYED,
                                       relation_to_head=Relation.HEAD, today=TODAY)
    wife, _ = services.register_person(actor=village_assistant, id_number=WOMAN_1982, name="李四",
                                       village=heyuan[VILLAGE], status=LabourStatus.UNEMPLOYED,
                                       relation_to_head=Relation.SPOUSE, head_id_number=MAN_1980, today=TODAY)
    services.register_person(actor=village_assistant, id_number=CHILD_2015, name="张小", village=heyuan[VILLAGE],
                             status=LabourStatus.STUDENT, relation_to_head=Relation.CHILD, head_id_number=MAN_1980,
                             today=TODAY)
    found = selectors.zero_employment_households(village_assistant, heyuan[VILLAGE], day=TODAY)
    assert set(found) == {head.household_id}
    services.record_status_change(actor=village_assistant, person=wife, status=LabourStatus.FLEXIBLE,
                                  effective_date=TODAY, today=TODAY)
    assert selectors.zero_employment_households(village_assistant, heyuan[VILLAGE], day=TODAY) == {}


def test_search_by_name_or_last_digits(zhang, village_assistant, neighbour_village_assistant):
    assert list(selectors.search_people(village_assistant, query="张")) == [zhang]
    assert list(selectors.search_people(village_assistant, query=MAN_1980[-4:])) == [zhang]
    assert not selectors.search_people(neighbour_village_assistant, query=MAN_1980).exists()


def test_the_demo_population_is_the_same_for_the_same_seed(heyuan):
    from hrss.residents.demo import generate_population

    def population():
        return list(Person.objects.order_by("id_number").values_list("id_number", "name", "region_code",
                                                                     "labour_status", "household__head_id_number"))

    generate_population(people=500, seed=42, today=TODAY)
    first = population()
    Person.objects.all().delete()
    from hrss.residents.models import Household, LabourStatusEvent

    LabourStatusEvent.objects.all().delete()
    Household.objects.all().delete()
    generate_population(people=500, seed=42, today=TODAY)
    assert population() == first
    assert len(first) >= 500 and len({row[2][:6] for row in first}) == 6, "every county gets people"
    for id_number, *_ in first:
        assert selectors_parse(id_number)


def selectors_parse(id_number):
    from hrss.core.id_numbers import parse

    return parse(id_number, today=TODAY)
