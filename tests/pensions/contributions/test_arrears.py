"""补缴: only for a person within 15 years of 60 when the scheme started in the county (源城区: 2011-07-01), for years
from that year to today not already paid, the years paid not above 15; no subsidy [believed]."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.pensions.contributions import account, services
from hrss.pensions.models import Contribution, ContributionKind
from tests.conftest import TODAY

START = datetime.date(2011, 7, 1)  # 源城区's first day of the residents' scheme (schemes/rules.py COUNTY_STARTS)
PAID_ON = datetime.date(2024, 1, 15)  # before every instant the suite runs at


def at_start_aged(make_person, age, **kwargs):
    return make_person(birth=START.replace(year=START.year - age), **kwargs)


def paid(person, *years):
    for year in years:
        Contribution.objects.create(person=person, region_code=person.region_code, year=year,
                                    kind=ContributionKind.PERSONAL, amount=Decimal("100"), paid_on=PAID_ON,
                                    source="window")


def refusal(**kwargs):
    with pytest.raises(ValidationError) as refused:
        services.record_arrears(**kwargs)
    return " ".join(refused.value.messages)


def test_45_at_the_start_may_pay_arrears_without_subsidy(make_person, village_assistant):
    person = at_start_aged(make_person, 45)
    rows = services.record_arrears(actor=village_assistant, person=person, years=[2011, 2012], amount_per_year="300",
                                   paid_on=TODAY, today=TODAY)
    assert sorted((row.year, row.kind, row.amount) for row in rows) == [
        (2011, "arrears", Decimal("300.00")), (2012, "arrears", Decimal("300.00"))]
    assert not Contribution.objects.filter(person=person, kind="subsidy").exists()
    assert account.paid_years(person, TODAY) == 2


def test_44_at_the_start_is_refused(make_person, village_assistant):
    person = at_start_aged(make_person, 44, serial=313)
    message = refusal(actor=village_assistant, person=person, years=[2012], amount_per_year="300", paid_on=TODAY,
                      today=TODAY)
    assert "距60周岁超过15年" in message
    assert not Contribution.objects.filter(person=person).exists()


def test_60_at_the_start_pays_nothing(make_person, village_assistant):
    person = at_start_aged(make_person, 60, serial=315)
    assert "不需缴费，也不能补缴" in refusal(actor=village_assistant, person=person, years=[2012], amount_per_year="300",
                                       paid_on=TODAY, today=TODAY)


def test_years_before_the_start_after_today_or_already_paid_are_refused(make_person, village_assistant):
    person = at_start_aged(make_person, 50, serial=317)
    paid(person, 2013)
    message = refusal(actor=village_assistant, person=person, years=[2010, 2013, TODAY.year + 1],
                      amount_per_year="300", paid_on=TODAY, today=TODAY)
    assert f"2010、{TODAY.year + 1}不在可补缴的范围内" in message
    assert "2013年度已缴费，不能重复补缴" in message


def test_paid_years_may_reach_15_and_not_more(make_person, village_assistant):
    reaching = at_start_aged(make_person, 50, serial=319)
    paid(reaching, 2010, *range(2012, 2025))  # 14 years (one before the county's start, paid where he lived then)
    services.record_arrears(actor=village_assistant, person=reaching, years=[2011], amount_per_year="300",
                            paid_on=TODAY, today=TODAY)
    assert account.paid_years(reaching, TODAY) == 15
    over = at_start_aged(make_person, 50, serial=321)
    paid(over, 2009, 2010, *range(2012, 2025))  # 15 years
    assert "超过应缴的15年" in refusal(actor=village_assistant, person=over, years=[2011], amount_per_year="300",
                                   paid_on=TODAY, today=TODAY)


def test_not_enrolled_and_bad_amounts_are_refused(make_person, village_assistant):
    person = at_start_aged(make_person, 50, serial=323, enrol=False)
    assert "请先办理参保登记" in refusal(actor=village_assistant, person=person, years=[2012], amount_per_year="300",
                                   paid_on=TODAY, today=TODAY)
    enrolled = at_start_aged(make_person, 50, serial=325)
    message = refusal(actor=village_assistant, person=enrolled, years=[2012], amount_per_year="0",
                      paid_on=TODAY + datetime.timedelta(days=1), today=TODAY)
    assert "每年补缴金额应为大于0" in message and "晚于今天" in message


def test_a_neighbour_may_not(make_person, neighbour_village_assistant):
    person = at_start_aged(make_person, 50, serial=327)
    with pytest.raises(PermissionDenied):
        services.record_arrears(actor=neighbour_village_assistant, person=person, years=[2012],
                                amount_per_year="300", paid_on=TODAY, today=TODAY)
