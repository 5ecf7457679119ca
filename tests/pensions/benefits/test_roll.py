"""The county's monthly roll (make_roll), suspension and resumption with back pay."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.dates import add_months
from hrss.pensions.benefits import selectors, services
from hrss.pensions.models import PaymentKind, Pension, PensionPayment, PensionState
from tests.conftest import TODAY, VILLAGE
from tests.pensions.benefits.conftest import THIS_MONTH

COUNTY = "441602"


def _regular(pension):
    return list(pension.payments.filter(kind=PaymentKind.REGULAR).order_by("month").values_list("month", flat=True))


def test_a_roll_made_twice_pays_once(paying, county_officer):
    services.make_roll(actor=county_officer, county_code=COUNTY, month=TODAY, today=TODAY)
    services.make_roll(actor=county_officer, county_code=COUNTY, month=TODAY, today=TODAY)
    assert _regular(paying) == [THIS_MONTH]
    payment = paying.payments.get()
    assert payment.amount == selectors.monthly_amount(paying, THIS_MONTH)
    assert payment.paid_in == THIS_MONTH


def test_no_payment_before_the_first_month(paying, county_officer):
    before = add_months(paying.first_month, -1)
    services.make_roll(actor=county_officer, county_code=COUNTY, month=before, today=TODAY)
    services.make_roll(actor=county_officer, county_code=COUNTY, month=paying.first_month, today=TODAY)
    assert _regular(paying) == [paying.first_month]


def test_a_future_month_is_refused(paying, county_officer):
    with pytest.raises(ValidationError, match="不能制作未来月份"):
        services.make_roll(actor=county_officer, county_code=COUNTY, month=add_months(THIS_MONTH, 1), today=TODAY)


def test_only_the_county_makes_its_roll(paying, township_officer, neighbour_county_officer):
    for outsider in (township_officer, neighbour_county_officer):
        with pytest.raises(PermissionDenied):
            services.make_roll(actor=outsider, county_code=COUNTY, month=TODAY, today=TODAY)
    assert not PensionPayment.objects.exists()


def test_the_basic_pension_raise_applies_from_its_month():
    pension = Pension(region_code=VILLAGE, account_part=Decimal("100.00"))
    assert selectors.monthly_amount(pension, datetime.date(2025, 6, 1)) == Decimal("320.00")
    assert selectors.monthly_amount(pension, datetime.date(2025, 7, 1)) == Decimal("340.00")


def test_suspended_months_get_no_regular_payment(paying, county_officer):
    services.suspend(actor=county_officer, pension=paying, from_month=add_months(THIS_MONTH, -1), reason="未按期认证",
                     today=TODAY)
    for back in range(4, -1, -1):
        services.make_roll(actor=county_officer, county_code=COUNTY, month=add_months(THIS_MONTH, -back), today=TODAY)
    assert _regular(paying) == [add_months(THIS_MONTH, -4), add_months(THIS_MONTH, -3), add_months(THIS_MONTH, -2)]


def test_resumption_pays_back_every_missed_month_in_this_month(paying, county_officer, village_assistant):
    for back in (4, 3):
        services.make_roll(actor=county_officer, county_code=COUNTY, month=add_months(THIS_MONTH, -back), today=TODAY)
    services.suspend(actor=county_officer, pension=paying, from_month=add_months(THIS_MONTH, -2), reason="未按期认证",
                     today=TODAY)
    total = services.resume(actor=village_assistant, pension=paying, certified_on=TODAY, today=TODAY)
    back_pay = paying.payments.filter(kind=PaymentKind.BACK_PAY).order_by("month")
    assert [row.month for row in back_pay] == [add_months(THIS_MONTH, -2), add_months(THIS_MONTH, -1)]
    assert {row.paid_in for row in back_pay} == {THIS_MONTH}
    assert total == sum(row.amount for row in back_pay)
    paying.refresh_from_db()
    assert paying.state == PensionState.PAYING and paying.suspended_from is None
    # This month's roll pays the month and lists the back pay.
    services.make_roll(actor=county_officer, county_code=COUNTY, month=TODAY, today=TODAY)
    lines = selectors.roll_lines(county_officer, county_officer.region, THIS_MONTH)
    assert sorted(line.kind for line in lines) == ["back_pay", "back_pay", "regular"]


def test_this_months_roll_already_made_is_paid_back_too(paying, county_officer, village_assistant):
    services.suspend(actor=county_officer, pension=paying, from_month=THIS_MONTH, reason="未按期认证", today=TODAY)
    services.make_roll(actor=county_officer, county_code=COUNTY, month=TODAY, today=TODAY)
    assert services.resume(actor=village_assistant, pension=paying, certified_on=TODAY, today=TODAY) == \
        selectors.monthly_amount(paying, THIS_MONTH)


def test_resumption_without_certification_is_refused(paying, county_officer, village_assistant):
    services.suspend(actor=county_officer, pension=paying, from_month=THIS_MONTH, reason="未按期认证", today=TODAY)
    with pytest.raises(ValidationError, match="恢复发放须先完成领取待遇资格认证"):
        services.resume(actor=village_assistant, pension=paying, certified_on=None, today=TODAY)
    paying.refresh_from_db()
    assert paying.state == PensionState.SUSPENDED


def test_only_a_suspended_pension_resumes_and_only_a_paying_one_is_suspended(paying, county_officer):
    with pytest.raises(ValidationError, match="只有暂停发放的养老金可以恢复发放"):
        services.resume(actor=county_officer, pension=paying, certified_on=TODAY, today=TODAY)
    services.suspend(actor=county_officer, pension=paying, from_month=THIS_MONTH, reason="未按期认证", today=TODAY)
    with pytest.raises(ValidationError, match="只有正常发放的养老金可以暂停"):
        services.suspend(actor=county_officer, pension=paying, from_month=THIS_MONTH, reason="未按期认证", today=TODAY)


def test_outsiders_neither_suspend_nor_resume(paying, neighbour_village_assistant, neighbour_county_officer):
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        with pytest.raises(PermissionDenied):
            services.suspend(actor=outsider, pension=paying, from_month=THIS_MONTH, reason="x", today=TODAY)


def _approve(pensioner, village_assistant, township_officer, county_officer, day):
    from tests.pensions.benefits.conftest import move
    pension = services.apply(actor=village_assistant, person=pensioner, today=day)
    move(pension, township_officer, "forward", today=day)
    move(pension, county_officer, "approve", today=day)
    pension.refresh_from_db()
    return pension


def test_a_late_approval_pays_the_past_months_as_back_pay_on_the_next_roll(pensioner, village_assistant,
                                                                           township_officer, county_officer):
    pension = _approve(pensioner, village_assistant, township_officer, county_officer, TODAY)
    back_pay = pension.payments.filter(kind=PaymentKind.BACK_PAY).order_by("month")
    months = [add_months(THIS_MONTH, -back) for back in (4, 3, 2, 1)]
    assert pension.first_month == months[0]
    assert [row.month for row in back_pay] == months
    assert {row.paid_in for row in back_pay} == {THIS_MONTH}
    services.make_roll(actor=county_officer, county_code=COUNTY, month=TODAY, today=TODAY)
    lines = selectors.roll_lines(county_officer, county_officer.region, THIS_MONTH)
    assert sorted(line.kind for line in lines) == ["back_pay"] * 4 + ["regular"]
    sums = selectors.roll_sums(lines)
    assert sums["people"] == 1
    assert sums["back_pay"] == sum(selectors.monthly_amount(pension, month) for month in months)


def test_an_approval_after_this_months_roll_pays_this_month_as_back_pay_too(pensioner, village_assistant,
                                                                             township_officer, county_officer):
    services.make_roll(actor=county_officer, county_code=COUNTY, month=TODAY, today=TODAY)
    pension = _approve(pensioner, village_assistant, township_officer, county_officer, TODAY)
    assert pension.payments.filter(kind=PaymentKind.BACK_PAY).count() == 5
    services.make_roll(actor=county_officer, county_code=COUNTY, month=TODAY, today=TODAY)
    assert not pension.payments.filter(kind=PaymentKind.REGULAR).exists()


def test_an_approval_in_the_first_month_has_no_back_pay(pensioner, village_assistant, township_officer,
                                                        county_officer):
    day = add_months(THIS_MONTH, -4).replace(day=10)
    pension = _approve(pensioner, village_assistant, township_officer, county_officer, day)
    assert not pension.payments.exists()
