"""求职登记: who may register, what is asked, and one open registration per person."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.jobservices.models import JobSeeker, WantedOccupation
from hrss.jobservices.seekers import services
from tests.conftest import TODAY, VILLAGE


def register(actor, person, **fields):
    values = {"occupations": ["4-02-06-01"], "mobility": "county", "not_selective": True, "today": TODAY, **fields}
    return services.register_seeker(actor=actor, person=person, **values)


def test_a_village_assistant_registers_a_resident_of_her_village(person_born, village_assistant):
    person = person_born()
    seeker = register(village_assistant, person, occupations=["4-02-06-01", "6-01"], wage_min=3000)
    assert seeker.registered_on == TODAY and seeker.region_code == VILLAGE and seeker.status == "active"
    wanted = list(seeker.wanted.values_list("occupation_code", "rank", "major", "mid", "minor", "region_code",
                                            "active"))
    assert wanted == [("4-02-06-01", 1, "4", "4-02", "4-02-06", VILLAGE, True),
                      ("6-01", 2, "6", "6-01", "", VILLAGE, True)]
    assert AuditEntry.objects.filter(action="jobservices.seeker.registered", actor=village_assistant).count() == 1


def test_a_second_open_registration_is_refused_with_the_first_ones_date(person_born, village_assistant):
    person = person_born()
    register(village_assistant, person, today=TODAY - datetime.timedelta(days=3))
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, person)
    assert any("不能重复登记" in message and f"{TODAY - datetime.timedelta(days=3):%Y-%m-%d}" in message
               for message in refused.value.messages)
    assert JobSeeker.objects.filter(person=person).count() == 1


def test_after_the_registration_ends_the_person_may_register_again(person_born, village_assistant):
    person = person_born()
    first = register(village_assistant, person)
    services.end_seeking(actor=village_assistant, seeker=first, reason="withdrawn", today=TODAY)
    second = register(village_assistant, person)
    assert second.pk != first.pk
    assert not WantedOccupation.objects.filter(seeker=first, active=True).exists()


@pytest.mark.parametrize(("birth", "accepted"), [
    (TODAY.replace(year=TODAY.year - 16), True),  # 16 today
    (TODAY.replace(year=TODAY.year - 16) + datetime.timedelta(days=1), False),  # 16 tomorrow
])
def test_a_seeker_is_at_least_16(person_born, village_assistant, birth, accepted):
    person = person_born(birth=birth, status="student")
    if accepted:
        assert register(village_assistant, person).pk
    else:
        with pytest.raises(ValidationError, match="未满16周岁"):
            register(village_assistant, person)


def test_a_man_past_retirement_age_is_refused(person_born, village_assistant):
    person = person_born(birth=datetime.date(1955, 1, 1), status="other")
    with pytest.raises(ValidationError, match="法定退休年龄"):
        register(village_assistant, person)


@pytest.mark.parametrize(("occupations", "message"), [
    ([], "至少一个意向职业"),
    (["9-99"], "不在职业分类大典"),
    (["4-02", "4-02"], "填了两次"),
    (["4", "5", "6", "2"], "最多填 3 个"),
])
def test_the_wanted_occupations_are_one_to_three_codes_of_the_classification(person_born, village_assistant,
                                                                            occupations, message):
    with pytest.raises(ValidationError, match=message):
        register(village_assistant, person_born(), occupations=occupations)


def test_codes_at_every_level_are_accepted(person_born, village_assistant):
    seeker = register(village_assistant, person_born(), occupations=["4", "4-02", "4-02-06"])
    assert list(seeker.wanted.values_list("occupation_code", flat=True)) == ["4", "4-02", "4-02-06"]


def test_the_neighbour_villages_assistant_cannot_register_our_resident(person_born, neighbour_village_assistant):
    person = person_born()
    with pytest.raises(PermissionDenied):
        register(neighbour_village_assistant, person)
    assert not JobSeeker.objects.exists()
    assert AuditEntry.objects.filter(actor=neighbour_village_assistant, outcome=AuditEntry.Outcome.DENIED).exists()


def test_update_replaces_the_occupations_and_keeps_the_registration_date(person_born, village_assistant):
    seeker = register(village_assistant, person_born(), today=TODAY - datetime.timedelta(days=4))
    services.update_seeker(actor=village_assistant, seeker=seeker, occupations=["6-01"], mobility="city",
                           not_selective=False, wage_min=2800)
    seeker.refresh_from_db()
    assert seeker.registered_on == TODAY - datetime.timedelta(days=4)
    assert (seeker.mobility, seeker.not_selective, seeker.wage_min) == ("city", False, 2800)
    assert list(seeker.wanted.values_list("occupation_code", flat=True)) == ["6-01"]
    entry = AuditEntry.objects.get(action="jobservices.seeker.updated")
    assert entry.after["occupations"] == ["6-01"] and entry.before["occupations"] == ["4-02-06-01"]


def test_an_ended_registration_cannot_be_ended_or_changed_again(person_born, village_assistant):
    seeker = register(village_assistant, person_born())
    services.end_seeking(actor=village_assistant, seeker=seeker, reason="hired", today=TODAY)
    with pytest.raises(ValidationError, match="已经结束"):
        services.end_seeking(actor=village_assistant, seeker=seeker, reason="hired", today=TODAY)
    with pytest.raises(ValidationError, match="已结束"):
        services.update_seeker(actor=village_assistant, seeker=seeker, occupations=["6"], mobility="city",
                               not_selective=True)


def test_an_end_reason_must_be_one_of_the_list(person_born, village_assistant):
    seeker = register(village_assistant, person_born())
    with pytest.raises(ValidationError, match="结束原因"):
        services.end_seeking(actor=village_assistant, seeker=seeker, reason="bored", today=TODAY)


def test_a_start_date_more_than_a_year_ahead_is_refused(person_born, village_assistant):
    person = person_born()
    latest = services.latest_available_from(TODAY)
    assert latest.year == TODAY.year + 1 and latest.month == TODAY.month
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, person, available_from=datetime.date(2099, 1, 1))
    assert refused.value.messages == [f"可上岗日期（2099-01-01）最晚为一年内的 {latest:%Y-%m-%d}，请核对年份。"]
    assert not JobSeeker.objects.filter(person=person).exists()
    seeker = register(village_assistant, person, available_from=latest)
    with pytest.raises(ValidationError):
        services.update_seeker(actor=village_assistant, seeker=seeker, occupations=["4-02-06-01"], mobility="county",
                               not_selective=True, available_from=datetime.date(2099, 1, 1), today=TODAY)
    seeker.refresh_from_db()
    assert seeker.available_from == latest
