"""Who may draw the pension (eligibility.eligibility): 60 reached, 15 paid years, and the rules for those near or
over 60 when the scheme started in the county (源城区: 1 July 2011), the family-binding rule until 2014-02-21."""

import datetime

from hrss.pensions.benefits.eligibility import eligibility
from tests.pensions.benefits.conftest import enrol, make_person, pay_years

D = datetime.date
LATER = D(2035, 6, 1)  # a day by which the person born in 1974 is 60


def test_fourteen_paid_years_are_refused_fifteen_allowed(heyuan, village_assistant):
    person = make_person(village_assistant, birth=D(1974, 3, 10))  # 37 when the scheme started: 15 years needed
    pay_years(person, range(2012, 2026))
    found = eligibility(person, LATER)
    assert found.paid_years == 14
    assert found.problems == ["累计缴费须满15年：现已缴费14年，还差1年（可补缴）。"]
    pay_years(person, [2026])
    assert eligibility(person, LATER).eligible


def test_a_year_paid_after_the_day_does_not_count(heyuan, village_assistant):
    person = make_person(village_assistant, birth=D(1974, 3, 10))
    pay_years(person, range(2012, 2027))
    assert eligibility(person, D(2026, 5, 31)).paid_years == 14  # 2026's arrives on 1 June
    assert eligibility(person, D(2026, 6, 1)).paid_years == 15


def test_under_60_is_refused_with_the_month_to_wait_for(heyuan, village_assistant):
    person = make_person(village_assistant, birth=D(1974, 3, 10))
    pay_years(person, range(2012, 2027))
    assert eligibility(person, D(2034, 3, 9)).problems == ["未满60周岁：2034年04月起方可领取养老金。"]
    assert eligibility(person, D(2034, 3, 10)).eligible


def test_within_15_years_of_60_at_the_start_pays_every_year_since(heyuan, village_assistant):
    person = make_person(village_assistant, birth=D(1955, 3, 10))  # 56 on 2011-07-01: 4 years to pay
    pay_years(person, range(2011, 2014))
    found = eligibility(person, D(2016, 1, 1))
    assert found.required_years == 4
    assert "还差1年" in found.problems[0]
    pay_years(person, [2014])
    assert eligibility(person, D(2016, 1, 1)).eligible


def _family(actor):
    father = make_person(actor, birth=D(1945, 1, 10), name="王老伯", serial=311, relation="head")
    son = make_person(actor, birth=D(1975, 5, 10), name="王建国", serial=313, head=father, relation="child")
    young = make_person(actor, birth=D(2000, 5, 10), name="王小明", serial=315, head=father, relation="child")
    return father, son, young


def test_family_binding_before_21_february_2014_needs_the_children_enrolled(heyuan, village_assistant):
    father, son, _young = _family(village_assistant)  # the younger child is under 16 in 2014: not asked
    found = eligibility(father, D(2014, 2, 20))
    assert found.problems == ["家庭捆绑：符合参保条件的子女王建国（38岁）未参保；2014年2月21日前，其子女应当参保缴费，"
                              "请先为其办理参保登记。"]
    assert "不用缴费" in found.route
    enrol(son, village_assistant)
    assert eligibility(father, D(2014, 2, 20)).eligible


def test_family_binding_ends_on_21_february_2014(heyuan, village_assistant):
    father, _son, _young = _family(village_assistant)
    assert eligibility(father, D(2014, 2, 21)).eligible


def test_family_binding_asks_a_child_once_16(heyuan, village_assistant):
    father, son, young = _family(village_assistant)
    enrol(son, village_assistant)
    assert eligibility(father, D(2014, 2, 20)).eligible  # 王小明 is 13
