"""The village's intake: refused, with the reason in Chinese and nothing written, for a person not of working age, in
work, already holding a standing recognition, a category not in force on the application date, missing documents,
and a 大龄 category the ledger's age and sex do not meet."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.assistance.models import Recognition
from hrss.assistance.recognition.categories import GD_2023_FROM
from hrss.core.dates import years_before
from hrss.core.models import AuditEntry
from tests.assistance.recognition.conftest import DOCS, apply, make_person
from tests.conftest import TODAY


def refused(actor, person, match, **data):
    with pytest.raises(ValidationError) as error:
        apply(actor, person, **data)
    assert any(match in message for message in error.value.messages), error.value.messages
    assert not Recognition.objects.filter(person=person).exists()


def test_an_application_is_taken_in_and_sent_to_the_township(applicant, village_assistant):
    recognition = apply(village_assistant, applicant, circumstances="长期失业")
    assert recognition.status == "in_review" and recognition.case.step == "township_review"
    assert recognition.applied_on == TODAY and recognition.number.startswith("KN")
    assert AuditEntry.objects.filter(action="assistance.recognition.applied").exists()


def test_a_person_past_the_retirement_age_is_refused(heyuan, village_assistant):
    person = make_person(village_assistant, age=66, sex="M", status="other")
    refused(village_assistant, person, "不在法定劳动年龄内")


def test_a_person_in_work_is_refused(heyuan, village_assistant):
    person = make_person(village_assistant, status="employed")
    refused(village_assistant, person, "已就业")


def test_a_standing_recognition_is_refused(applicant, village_assistant):
    apply(village_assistant, applicant)
    with pytest.raises(ValidationError, match="不能重复申请"):
        apply(village_assistant, applicant)
    assert Recognition.objects.filter(person=applicant).count() == 1


def test_missing_documents_are_named(applicant, village_assistant):
    refused(village_assistant, applicant, "缺少材料：户口簿", documents=["居民身份证", "就业创业证（就业失业登记证）"])
    refused(village_assistant, applicant, "残疾人证（或退役军人伤残证件）", category="disabled")


def test_a_category_is_refused_the_day_before_it_takes_effect_and_taken_on_the_day(heyuan, village_assistant):
    before = GD_2023_FROM - datetime.timedelta(days=1)
    person = make_person(village_assistant, day=before)
    refused(village_assistant, person, "不在其内", today=before)  # "aged" starts on GD_2023_FROM
    refused(village_assistant, person, "不在其内", category="aged_4050", today=GD_2023_FROM)  # the old row has ended
    assert apply(village_assistant, person, category="aged_4050", today=before).category == "aged_4050"


def test_a_woman_is_aged_from_her_40th_birthday(heyuan, village_assistant):
    person = make_person(village_assistant, age=39, sex="F")
    birthday = years_before(TODAY, 40)
    person.birth_date = birthday + datetime.timedelta(days=1)
    person.save(update_fields=["birth_date"])
    refused(village_assistant, person, "要求女性年满40周岁")
    person.birth_date = birthday
    person.save(update_fields=["birth_date"])
    assert apply(village_assistant, person).status == "in_review"


def test_a_man_is_aged_from_50(heyuan, village_assistant):
    person = make_person(village_assistant, age=45, sex="M", serial=130)
    refused(village_assistant, person, "要求男性年满50周岁")
    assert apply(village_assistant, person, category="long_unemployed").category == "long_unemployed"


def test_only_the_village_assistant_of_the_person_takes_it_in(applicant, neighbour_village_assistant,
                                                              township_officer):
    for actor in (neighbour_village_assistant, township_officer):
        with pytest.raises(PermissionDenied):
            apply(actor, applicant, documents=DOCS)
    assert AuditEntry.objects.filter(outcome=AuditEntry.Outcome.DENIED).count() == 2
