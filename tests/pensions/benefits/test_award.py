"""The award (待遇申领 → 乡镇审核 → 县审批核定): refused before the eligible month and when not eligible; the county's
approval makes it paying and the enrolment drawing; the calculation kept with the pension."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core import review
from hrss.core.dates import add_months, years_before
from hrss.core.models import AuditEntry
from hrss.pensions.benefits import services
from hrss.pensions.contributions import account
from hrss.pensions.models import EnrolmentState, PensionState
from tests.conftest import TODAY
from tests.pensions.benefits.conftest import THIS_MONTH, enrol, make_person, move, pay_years


def _turning_60_in(month, actor, serial=330):
    person = make_person(actor, birth=years_before(month.replace(day=1), 60), serial=serial, name="赵春兰")
    enrol(person, actor)
    pay_years(person, range(TODAY.year - 15, TODAY.year))
    return person


def test_the_birthday_month_is_refused_with_the_first_month(heyuan, village_assistant):
    person = _turning_60_in(THIS_MONTH, village_assistant)
    first = add_months(THIS_MONTH, 1)
    with pytest.raises(ValidationError) as refused:
        services.apply(actor=village_assistant, person=person, today=TODAY)
    assert refused.value.messages[0].startswith(f"不能早于 {first:%Y}年{first:%m}月 起领")


def test_the_month_after_the_birthday_is_allowed(heyuan, village_assistant):
    person = _turning_60_in(add_months(THIS_MONTH, -1), village_assistant)
    pension = services.apply(actor=village_assistant, person=person, today=TODAY)
    assert pension.state == PensionState.IN_REVIEW
    assert pension.first_month == THIS_MONTH
    assert pension.account_balance == account.balance(person, TODAY)
    assert pension.account_part == (pension.account_balance / 139).quantize(Decimal("0.01"))
    assert any("÷ 139" in line for line in pension.calculation["lines"])
    assert pension.case.step == "township_review"


def test_not_eligible_is_refused_with_each_reason(heyuan, village_assistant):
    person = make_person(village_assistant, birth=years_before(add_months(THIS_MONTH, -1), 60), serial=340)
    with pytest.raises(ValidationError) as refused:
        services.apply(actor=village_assistant, person=person, today=TODAY)
    messages = refused.value.messages
    assert any("还差" in message for message in messages)
    assert "未参加城乡居民养老保险：请先办理参保登记。" in messages


def test_a_second_application_is_refused(paying, village_assistant):
    with pytest.raises(ValidationError, match="不能重复申领"):
        services.apply(actor=village_assistant, person=paying.person, today=TODAY)


def test_the_county_approval_makes_it_paying_and_the_enrolment_drawing(paying):
    assert paying.state == PensionState.PAYING
    assert paying.approved_on == add_months(THIS_MONTH, -4).replace(day=10)
    assert paying.first_month == add_months(THIS_MONTH, -4)
    assert paying.enrolment.state == EnrolmentState.DRAWING
    assert AuditEntry.objects.filter(action="pensions.pension.approved", target_id=str(paying.pk)).exists()


def test_the_township_cannot_approve_nor_the_village_take_in_elsewhere(pensioner, village_assistant,
                                                                       township_officer, neighbour_village_assistant):
    with pytest.raises(PermissionDenied):
        services.apply(actor=neighbour_village_assistant, person=pensioner, today=TODAY)
    pension = services.apply(actor=village_assistant, person=pensioner, today=TODAY)
    move(pension, township_officer, "forward")
    with pytest.raises((PermissionDenied, review.MoveRefused)):
        move(pension, township_officer, "approve")


def test_a_refusal_leaves_no_pension_standing(pensioner, village_assistant, township_officer):
    pension = services.apply(actor=village_assistant, person=pensioner, today=TODAY)
    move(pension, township_officer, "reject", reason="材料不实")
    pension.refresh_from_db()
    assert pension.state == PensionState.REFUSED
    assert services.apply(actor=village_assistant, person=pensioner, today=TODAY).state == PensionState.IN_REVIEW
