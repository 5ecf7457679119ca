"""参保登记 at the village: done the same day when the documents are complete; kept as 待补齐材料 with every missing
document named at once otherwise; refused with the reason in Chinese (and nothing written) for a person under 16, a
student, someone already enrolled, in the employees' scheme, dead, in a county whose scheme had not started, or a
tier not in force."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hrss.core.dates import add_months
from hrss.core.models import AuditEntry
from hrss.pensions.enrolment import services
from hrss.pensions.models import EmployeeSchemeRecord, Enrolment, Pension
from tests.conftest import TODAY
from tests.pensions.enrolment.conftest import EVERY, enrol, make_person

DAY = datetime.timedelta(days=1)


def refused(actor, person, match, **data):
    with pytest.raises(ValidationError) as error:
        enrol(actor, person, **data)
    assert any(match in message for message in error.value.messages), error.value.messages
    assert not Enrolment.objects.filter(person=person, state__in=services.STANDING).exclude(
        pk__in=data.pop("keep", [])).exists() or data.get("expect_standing")
    return error.value.messages


def test_complete_documents_enrol_the_same_day(resident, village_assistant):
    enrolment = enrol(village_assistant, resident, tier=Decimal("600"))
    assert enrolment.state == "active" and enrolment.enrolled_on == TODAY == enrolment.documents_complete_on
    assert enrolment.scheme == "crps" and enrolment.tier == Decimal("600")
    assert enrolment.documents == EVERY
    assert AuditEntry.objects.filter(action="pensions.enrolment.enrolled", subject_id_number=resident.id_number).exists()


def test_missing_documents_are_all_named_at_once_and_completed_later(resident, village_assistant):
    enrolment = enrol(village_assistant, resident, documents=["id_card"])
    assert enrolment.state == "pending" and enrolment.enrolled_on is None
    assert [name for _c, name in services.missing_documents(enrolment.documents, TODAY)] == [
        "户口簿（原件及复印件）", "城乡居民养老保险参保登记表"]
    entry = AuditEntry.objects.get(action="pensions.enrolment.received")
    assert entry.after["missing_documents"] == ["户口簿（原件及复印件）", "城乡居民养老保险参保登记表"]
    services.complete_documents(actor=village_assistant, enrolment=enrolment, documents=["hukou"], today=TODAY)
    enrolment.refresh_from_db()
    assert enrolment.state == "pending" and enrolment.documents == ["id_card", "hukou"]
    services.complete_documents(actor=village_assistant, enrolment=enrolment, documents=["form"], today=TODAY)
    enrolment.refresh_from_db()
    assert enrolment.state == "active" and enrolment.enrolled_on == TODAY == enrolment.documents_complete_on


def test_the_day_before_the_16th_birthday_is_refused_and_the_birthday_allowed(heyuan, village_assistant):
    birth = datetime.date(TODAY.year - 16, TODAY.month, TODAY.day) if (TODAY.month, TODAY.day) != (2, 29) \
        else datetime.date(TODAY.year - 16, 3, 1)
    person = make_person(village_assistant, birth=birth, serial=330, status="other")
    birthday = services.sixteenth_birthday(person.birth_date, 16)
    messages = refused(village_assistant, person, "未满16周岁", today=birthday - DAY)
    assert f"{birthday:%Y-%m-%d}起方可参保" in messages[0]
    assert enrol(village_assistant, person, today=birthday).state == "active"


def test_a_29_february_birth_turns_16_on_29_february(heyuan, village_assistant):
    person = make_person(village_assistant, birth=datetime.date(2008, 2, 29), serial=332, day=datetime.date(2024, 3, 1))
    assert services.sixteenth_birthday(person.birth_date, 16) == datetime.date(2024, 2, 29)
    refused(village_assistant, person, "未满16周岁", today=datetime.date(2024, 2, 28))
    assert enrol(village_assistant, person, today=datetime.date(2024, 2, 29)).state == "active"


def test_a_student_is_refused(heyuan, village_assistant):
    person = make_person(village_assistant, status="student", age=18, serial=340)
    refused(village_assistant, person, "在校学生")


def test_someone_already_enrolled_is_refused(enrolled, resident, village_assistant):
    with pytest.raises(ValidationError, match="不能重复参保"):
        enrol(village_assistant, resident)
    assert Enrolment.objects.filter(person=resident).count() == 1


def test_the_employees_scheme_in_force_refuses_and_an_ended_one_does_not(resident, village_assistant):
    record = EmployeeSchemeRecord.objects.create(person=resident, region_code=resident.region_code,
                                                 since=TODAY - 400 * DAY, until=TODAY, employer_name="河源某厂",
                                                 created_by=village_assistant)
    refused(village_assistant, resident, "已参加城镇职工基本养老保险")
    EmployeeSchemeRecord.objects.filter(pk=record.pk).update(until=TODAY - DAY)
    assert enrol(village_assistant, resident).state == "active"


def test_a_dead_person_is_refused(resident, village_assistant):
    Pension.objects.create(person=resident, region_code=resident.region_code, first_month=TODAY.replace(day=1),
                           account_balance=0, basic=0, account_part=0, total=0, state="stopped",
                           died_on=TODAY - 3 * DAY, created_by=village_assistant)
    refused(village_assistant, resident, "死亡")


def test_no_scheme_before_the_county_started_it(heyuan, village_assistant):
    start = datetime.date(2011, 7, 1)  # 源城区's 新农保 (schemes/rules.py COUNTY_STARTS)
    person = make_person(village_assistant, age=40, day=start, serial=350)
    messages = refused(village_assistant, person, "尚未开办新型农村社会养老保险", today=start - DAY, tier=100)
    assert "2011-07-01起方可参保" in messages[0]
    enrolment = enrol(village_assistant, person, today=start, tier=100)
    assert enrolment.scheme == "nrps"


def test_a_non_agricultural_hukou_enrols_in_the_urban_scheme_before_the_merger(heyuan, village_assistant):
    day = datetime.date(2012, 5, 2)
    person = make_person(village_assistant, hukou="non_agricultural", day=day, serial=352)
    assert enrol(village_assistant, person, today=day, tier=100).scheme == "urps"


def test_a_tier_is_refused_the_day_before_it_takes_effect_and_taken_on_the_day(heyuan, village_assistant):
    effective = datetime.date(2020, 1, 1)  # 180 a year joins 广东's tiers
    person = make_person(village_assistant, day=effective, serial=360)
    messages = refused(village_assistant, person, "缴费档次180元不在2019-12-31执行的档次内", today=effective - DAY,
                       tier=180)
    assert "120、240" in messages[0]
    assert enrol(village_assistant, person, today=effective, tier=180).tier == Decimal("180")


def test_documents_not_on_the_checklist_are_refused(resident, village_assistant):
    refused(village_assistant, resident, "不在参保登记材料清单内", documents=[*EVERY, "passport"])


def test_a_late_entry_is_enrolled_today_but_not_the_day_the_documents_came(resident, village_assistant):
    enrolment = enrol(village_assistant, resident, received_on=TODAY - DAY)
    assert enrolment.enrolled_on == TODAY and enrolment.documents_complete_on == TODAY - DAY


def test_an_intake_older_than_a_month_or_in_the_future_is_refused(resident, village_assistant):
    refused(village_assistant, resident, "材料受理日期", received_on=TODAY - 31 * DAY)
    refused(village_assistant, resident, "材料受理日期", received_on=TODAY + DAY)
    assert enrol(village_assistant, resident, received_on=TODAY - 30 * DAY).state == "active"


def test_every_refusal_is_listed_at_once(heyuan, village_assistant):
    person = make_person(village_assistant, status="student", age=15, serial=370)
    messages = refused(village_assistant, person, "未满16周岁", tier=7)
    assert len(messages) == 3 and any("在校学生" in m for m in messages) and any("7元" in m for m in messages)


def test_completion_is_checked_again_on_the_day(heyuan, village_assistant):
    person = make_person(village_assistant, serial=380)
    enrolment = enrol(village_assistant, person, documents=["id_card"])
    EmployeeSchemeRecord.objects.create(person=person, region_code=person.region_code, since=TODAY,
                                        created_by=village_assistant)
    with pytest.raises(ValidationError, match="城镇职工"):
        services.complete_documents(actor=village_assistant, enrolment=enrolment, documents=["hukou", "form"],
                                    today=TODAY)
    enrolment.refresh_from_db()
    assert enrolment.state == "pending"


def test_add_months_counts_the_birthday_like_age_on():
    assert services.sixteenth_birthday(datetime.date(2010, 6, 15), 16) == add_months(datetime.date(2010, 6, 15), 192)
