"""Certifying: by a visit, at the window, by a relative's statement (which names the relative and the relation) or
otherwise, from the window's first day to today; after a suspension it resumes the pension with back pay (benefits)
or marks the retiree resumed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.pensions.benefits.services import monthly_amount
from hrss.pensions.certification import services
from hrss.pensions.models import CertificationState, PaymentKind, Pension, PensionPayment, PensionState

from .conftest import CLOSES, DAY, OPENS, YEAR, certification_of


def test_a_relative_s_statement_needs_the_name(pensioner, start, village_assistant):
    pension = pensioner("王大爷")
    certification = certification_of(start(), pension)
    with pytest.raises(ValidationError, match="须填写证明亲属的姓名") as refused:
        services.certify(actor=village_assistant, certification=certification, method="relative", on=OPENS,
                         relation="儿子", today=OPENS)
    assert "关系" not in str(refused.value)
    with pytest.raises(ValidationError, match="与本人的关系"):
        services.certify(actor=village_assistant, certification=certification, method="relative", on=OPENS,
                         relative_name="王小明", today=OPENS)
    certification.refresh_from_db()
    assert certification.state == CertificationState.DUE
    services.certify(actor=village_assistant, certification=certification, method="relative", on=OPENS,
                     relative_name=" 王小明 ", relation="儿子", today=OPENS)
    certification.refresh_from_db()
    assert (certification.state, certification.relative_name, certification.relation, certification.certified_by) == (
        CertificationState.CERTIFIED, "王小明", "儿子", village_assistant)


def test_not_before_the_window_opens_nor_after_today(pensioner, start, village_assistant):
    pension = pensioner("王大爷")
    certification = certification_of(start(), pension)
    with pytest.raises(ValidationError, match="早于本年度认证开始日期"):
        services.certify(actor=village_assistant, certification=certification, method="visit", on=OPENS - DAY,
                         today=OPENS)
    with pytest.raises(ValidationError, match="晚于今天"):
        services.certify(actor=village_assistant, certification=certification, method="visit", on=OPENS + DAY,
                         today=OPENS)
    with pytest.raises(ValidationError, match="请选择认证方式"):
        services.certify(actor=village_assistant, certification=certification, method="phone", on=OPENS,
                         today=OPENS)
    services.certify(actor=village_assistant, certification=certification, method="visit", on=OPENS, today=OPENS)
    with pytest.raises(ValidationError, match="无需再次认证"):
        services.certify(actor=village_assistant, certification=certification, method="visit", on=OPENS,
                         today=OPENS)


def test_a_neighbour_cannot_certify(pensioner, start, neighbour_village_assistant):
    pension = pensioner("王大爷")
    certification = certification_of(start(), pension)
    with pytest.raises(PermissionDenied):
        services.certify(actor=neighbour_village_assistant, certification=certification, method="visit", on=OPENS,
                         today=OPENS)


def test_resumption_with_back_pay(pensioner, start, county_officer, village_assistant):
    pension = pensioner("王大爷")
    campaign = start()
    services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + DAY)
    certified_on = datetime.date(YEAR, 9, 10)
    certification = services.certify(actor=village_assistant, certification=certification_of(campaign, pension),
                                     method="window", on=certified_on, today=certified_on)
    # Suspended from July; certified in September before its roll: July and August are paid back.
    months = [datetime.date(YEAR, 7, 1), datetime.date(YEAR, 8, 1)]
    expected = sum((monthly_amount(pension, month) for month in months), Decimal("0"))
    assert expected > 0
    assert certification.state == CertificationState.RESUMED
    assert certification.back_pay == expected
    assert Pension.objects.get(pk=pension.pk).state == PensionState.PAYING
    assert sorted(PensionPayment.objects.filter(pension=pension, kind=PaymentKind.BACK_PAY)
                  .values_list("month", flat=True)) == months


def test_a_retiree_in_the_campaign(retiree, start, county_officer, village_assistant):
    managed = retiree("陈国强")
    campaign = start()
    certification = certification_of(campaign, managed)
    assert certification.kind_label == "企业退休人员"
    services.suspend_uncertified(actor=county_officer, campaign=campaign, today=CLOSES + DAY)
    certification.refresh_from_db()
    assert certification.state == CertificationState.SUSPENDED
    certification = services.certify(actor=village_assistant, certification=certification, method="visit",
                                     on=CLOSES + 5 * DAY, today=CLOSES + 5 * DAY)
    assert (certification.state, certification.back_pay) == (CertificationState.RESUMED, None)
