"""The dated rules (loans.rules): the name, the categories, the limits and terms, and the subsidy follow the
application date; an amount over the limit in force is refused with the limit and the date's rule named."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hrss.jobservices.loans import rules, services
from hrss.jobservices.models import BorrowerKind

D = datetime.date


@pytest.mark.parametrize("day,name", [(D(2011, 6, 1), "小额担保贷款"), (D(2016, 8, 23), "小额担保贷款"),
                                      (D(2016, 8, 24), "创业担保贷款"), (D(2026, 6, 15), "创业担保贷款")])
def test_the_name_follows_the_application_date(day, name):
    assert rules.loan_name(day) == name


@pytest.mark.parametrize("day,individual", [(D(2011, 6, 1), 50_000), (D(2017, 1, 1), 100_000),
                                            (D(2019, 1, 1), 150_000), (D(2020, 4, 6), 150_000),
                                            (D(2020, 4, 7), 200_000), (D(2026, 6, 15), 300_000)])
def test_the_individual_limit_in_force(day, individual):
    assert rules.limits_on(day).amount(BorrowerKind.INDIVIDUAL) == individual


def test_a_partnership_borrows_its_members_sum_plus_ten_percent_from_2018():
    assert rules.limits_on(D(2011, 6, 1)).amount(BorrowerKind.PARTNERSHIP, 3) == 150_000
    assert rules.limits_on(D(2021, 1, 1)).amount(BorrowerKind.PARTNERSHIP, 3) == 660_000


def test_categories_join_the_list_on_their_date():
    assert rules.Category.RURAL_ENTREPRENEUR not in rules.categories_on(D(2017, 1, 1))
    assert rules.Category.RURAL_ENTREPRENEUR in rules.categories_on(D(2018, 3, 22))
    assert rules.Category.RETURNING_MIGRANT in rules.categories_on(D(2011, 6, 1))


def test_the_subsidy_by_the_rule_of_the_application_date():
    # 2011: a 微利项目 is subsidised in full, another project not at all.
    assert rules.subsidised_rate(applied_on=D(2011, 6, 1), start_date=D(2011, 7, 1), kind="individual",
                                 micro_profit=True, annual_rate=Decimal("6.31")) == Decimal("6.31")
    assert rules.subsidised_rate(applied_on=D(2011, 6, 1), start_date=D(2011, 7, 1), kind="individual",
                                 micro_profit=False, annual_rate=Decimal("6.31")) == 0
    # ... and a labour-intensive small enterprise's half the rate (domain-rules §6).
    assert rules.subsidised_rate(applied_on=D(2011, 6, 1), start_date=D(2011, 7, 1), kind="small_enterprise",
                                 micro_profit=False, annual_rate=Decimal("6.31")) == Decimal("3.155")
    # 2026: the borrower bears LPR (3.00 from 2025-05-20) less 1.5 points; the budget pays the rest of 3.45.
    assert rules.subsidised_rate(applied_on=D(2026, 6, 1), start_date=D(2026, 6, 15), kind="individual",
                                 micro_profit=False, annual_rate=Decimal("3.45")) == Decimal("1.95")
    assert rules.subsidised_rate(applied_on=D(2026, 6, 1), start_date=D(2026, 6, 15), kind="small_enterprise",
                                 micro_profit=False, annual_rate=Decimal("3.45")) == Decimal("0.975")


def _problems(person, day, **overrides):
    data = {"category": "registered_unemployed", "borrower_kind": "individual", "amount": Decimal(60_000),
            "term_months": 24, "project": "早餐店", "documents": ["id_card", "unemployment_certificate",
                                                                  "business_plan"], "partners": 1}
    data.update(overrides)
    return services.application_problems(person=person, applied_on=day, **data)


def test_an_amount_over_the_limit_of_the_day_is_refused(applicant):
    assert _problems(applicant, D(2026, 6, 15)) == []
    problems = _problems(applicant, D(2011, 6, 1))
    assert problems == ["申请金额60,000元超过小额担保贷款个人创业的额度上限50,000元（2011-06-01执行的标准），请调低申请金额。"]
    assert "最长期限24个月" in " ".join(_problems(applicant, D(2011, 6, 1), amount=Decimal(1), term_months=36))
    assert "自2018年03月22日起才可申请" in " ".join(_problems(applicant, D(2017, 1, 1),
                                                          category="rural_entrepreneur"))


def test_the_intake_refuses_over_the_limit_with_the_message(applicant, village_assistant):
    with pytest.raises(ValidationError) as refused:
        services.apply_for_loan(actor=village_assistant, person=applicant, category="registered_unemployed",
                                borrower_kind="individual", amount=Decimal("300000.01"), term_months=24,
                                project="早餐店", documents=["id_card", "unemployment_certificate", "business_plan"],
                                today=D(2026, 6, 15))
    assert refused.value.messages == [
        "申请金额300,000.01元超过创业担保贷款个人创业的额度上限300,000元（2026-06-15执行的标准），请调低申请金额。"]


def test_a_partnership_needs_two_partners(applicant):
    assert "合伙创业须填写合伙人数（至少2人）。" in _problems(applicant, D(2026, 6, 15), borrower_kind="partnership")


def test_the_limit_and_the_term_at_and_just_above_the_boundary(applicant):
    day = D(2026, 6, 15)
    assert _problems(applicant, day, amount=Decimal("300000.00")) == []
    assert _problems(applicant, day, amount=Decimal("300000.01"))
    assert _problems(applicant, day, amount=Decimal("299999.99")) == []
    assert _problems(applicant, day, term_months=36) == []
    assert _problems(applicant, day, term_months=37) == ["申请期限37个月超过创业担保贷款的最长期限36个月，请缩短期限。"]
    # The day before 财金〔2020〕21号 [believed date]: 150,000 and 36 months; on its day 200,000.
    assert _problems(applicant, D(2020, 4, 6), amount=Decimal(150_001))
    assert _problems(applicant, D(2020, 4, 7), amount=Decimal(200_000)) == []
