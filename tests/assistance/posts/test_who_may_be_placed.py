"""Only a person recognised and valid on the start day, in no other post, is placed; in a post open that day. The
placement is a 就业登记: the ledger shows 单位就业, and its end shows 失业 again."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.assistance.models import Recognition, RecognitionStatus
from hrss.assistance.posts import services
from hrss.employment.models import EmploymentRegistration
from hrss.residents.models import LabourStatus
from tests.assistance.posts.conftest import make_post, recognise, register
from tests.conftest import TODAY


def test_a_person_not_recognised_is_refused(post, village_assistant):
    person = register(village_assistant, "钱未认定", serial=15)
    with pytest.raises(ValidationError, match="不是有效认定的就业困难人员"):
        services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)


def test_a_recognition_expired_before_the_start_is_refused(post, village_assistant):
    person = register(village_assistant, "孙过期", serial=17)
    recognise(person, village_assistant, recognised_on=TODAY - datetime.timedelta(days=400),
              valid_until=TODAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="不是有效认定"):
        services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    # On its last valid day, the start is accepted.
    assert services.place_person(actor=village_assistant, post=post, person=person,
                                 started_on=TODAY - datetime.timedelta(days=1))


def test_an_exited_recognition_is_refused(post, person, village_assistant):
    Recognition.objects.filter(person=person).update(status=RecognitionStatus.EXITED, exited_on=TODAY,
                                                     exit_reason="stable_work")
    with pytest.raises(ValidationError, match="不是有效认定"):
        services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)


def test_a_person_already_in_a_post_is_refused(post, person, village_assistant):
    services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    second = make_post(village_assistant, title="治安巡逻员")
    with pytest.raises(ValidationError, match="已在公益性岗位"):
        services.place_person(actor=village_assistant, post=second, person=person, started_on=TODAY)


def test_a_closed_or_not_yet_open_post_is_refused(person, village_assistant):
    later = make_post(village_assistant, open_from=TODAY + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="不在开放期内"):
        services.place_person(actor=village_assistant, post=later, person=person, started_on=TODAY)


def test_a_start_after_today_is_refused(post, person, village_assistant):
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.place_person(actor=village_assistant, post=post, person=person,
                              started_on=TODAY + datetime.timedelta(days=1))


def test_the_placement_is_registered_as_employment_and_its_end_too(post, person, village_assistant):
    placement = services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    person.refresh_from_db()
    assert person.labour_status == LabourStatus.EMPLOYED
    hire = EmploymentRegistration.objects.get(pk=placement.hire_registration_id)
    assert (hire.kind, hire.employer_name, hire.event_date) == ("hired", "下城社区居民委员会", TODAY)
    services.end_placement(actor=village_assistant, placement=placement, ended_on=TODAY, reason="contract_expired")
    person.refresh_from_db()
    assert person.labour_status == LabourStatus.UNEMPLOYED
    placement.refresh_from_db()
    assert placement.end_registration.kind == "contract_ended"


def test_an_end_needs_a_reason_and_a_day_within_the_placement(post, person, village_assistant):
    placement = services.place_person(actor=village_assistant, post=post, person=person, started_on=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.end_placement(actor=village_assistant, placement=placement,
                               ended_on=TODAY - datetime.timedelta(days=1), reason="")
    assert "离岗日期应在上岗日期" in str(refused.value) and "请选择离岗原因" in str(refused.value)
