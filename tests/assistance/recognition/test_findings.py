"""The findings of the attack and the user trial on the recognition part: 连续失业1年以上 is checked against 失业登记
and the ledger, a standing recognition follows its person's move, a retirement exit waits for the retirement date,
the village cannot withdraw a posted application."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.assistance.models import ExitReason
from hrss.assistance.recognition import services
from hrss.core import scoping
from hrss.core.dates import add_months
from hrss.core.models import Region
from hrss.core.working_age import retirement_month
from hrss.employment import services as employment_services
from hrss.employment.models import Standing, UnemploymentRegistration
from hrss.residents import services as residents_services
from tests.assistance.recognition.conftest import apply, make_person, move
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY


def refusal(call):
    with pytest.raises(ValidationError) as error:
        call()
    return " ".join(error.value.messages)


def test_long_unemployed_needs_a_year_out_of_work(heyuan, village_assistant):
    recent = make_person(village_assistant, name="吴国平", age=27, serial=160)
    residents_services.record_status_change(actor=village_assistant, person=recent, status="unemployed",
                                            effective_date=TODAY - datetime.timedelta(days=40))
    recent.status_events.exclude(effective_date=TODAY - datetime.timedelta(days=40)).update(status="employed")
    recent.refresh_from_db()
    message = refusal(lambda: apply(village_assistant, recent, category="long_unemployed"))
    assert "无失业登记记录" in message and f"{TODAY - datetime.timedelta(days=40):%Y-%m-%d}起失业" in message
    # Out of work in the ledger for 400 days (make_person's default): taken in.
    long = make_person(village_assistant, name="李梅", age=35, serial=170)
    assert apply(village_assistant, long, category="long_unemployed").category == "long_unemployed"


def test_long_unemployed_names_the_last_registration(heyuan, village_assistant):
    person = make_person(village_assistant, name="吴国平", age=27, serial=160)
    person.status_events.update(effective_date=TODAY - datetime.timedelta(days=30))
    employment_services.apply_for_unemployment_registration(
        actor=village_assistant, person=person, category="graduate", wants_work=True, able_to_work=True,
        documents=["id_card"])
    registered = TODAY - datetime.timedelta(days=20)
    UnemploymentRegistration.objects.update(standing=Standing.REGISTERED, registered_on=registered)
    message = refusal(lambda: apply(village_assistant, person, category="long_unemployed"))
    assert f"最近一次失业登记为{registered:%Y-%m-%d}" in message
    UnemploymentRegistration.objects.update(registered_on=add_months(TODAY, -13))
    assert apply(village_assistant, person, category="long_unemployed").status == "in_review"


def test_a_standing_recognition_follows_its_person(recognised, village_assistant, township_officer,
                                                   neighbour_village_assistant):
    residents_services.move_person(actor=township_officer, person=recognised.person,
                                   to_village=Region.objects.get(code=NEIGHBOUR_VILLAGE))
    recognised.refresh_from_db()
    recognised.case.refresh_from_db()
    assert recognised.region_code == NEIGHBOUR_VILLAGE and recognised.case.region_code == NEIGHBOUR_VILLAGE
    Recognition = type(recognised)
    assert not scoping.visible_to(village_assistant, Recognition.objects.all()).exists()
    assert scoping.visible_to(neighbour_village_assistant, Recognition.objects.all()).exists()
    services.review_eligibility(actor=neighbour_village_assistant, recognition=recognised, still_eligible=True,
                                today=TODAY)
    with pytest.raises(PermissionDenied):
        services.exit_recognition(actor=village_assistant, recognition=recognised, reason="moved_away",
                                  exited_on=TODAY, today=TODAY)


def test_a_retirement_exit_waits_for_the_retirement_date(recognised, village_assistant):
    person = recognised.person
    message = refusal(lambda: services.exit_recognition(
        actor=village_assistant, recognition=recognised, reason=ExitReason.RETIREMENT, exited_on=TODAY, today=TODAY))
    year, month = retirement_month(person.birth_date, person.sex, person.retirement_category)
    assert f"{year}年{month}月方达到" in message and "-" not in message.split("岁")[0][-3:]


def test_the_village_cannot_withdraw_a_posted_application(in_notice, village_assistant, township_reviewer):
    message = refusal(lambda: move(in_notice, village_assistant, "withdraw", reason="放弃"))
    assert "公示环节，村(社区)不能撤回" in message
    move(in_notice, township_reviewer, "reject", reason="申请人放弃")
    in_notice.refresh_from_db()
    assert in_notice.status == "refused"


def test_the_working_age_refusal_says_under_16_or_retired_never_a_negative_age(heyuan, village_assistant):
    young = make_person(village_assistant, name="小明", age=15, sex="M", status="student", serial=190)
    assert "未满16周岁" in refusal(lambda: apply(village_assistant, young))
    old = make_person(village_assistant, name="老王", age=66, sex="M", status="other", serial=200)
    message = refusal(lambda: apply(village_assistant, old))
    assert "为66岁，已达到法定退休年龄" in message and "-" not in message.split("为")[-1]
