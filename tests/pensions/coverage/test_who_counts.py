"""KPI 5 counts the ledger's living people of 16 and over who are not students, each once under the first kind of
insurance that holds on the day."""

import datetime

from hrss.core import dates
from hrss.pensions.coverage import selectors
from tests.conftest import TODAY, VILLAGE
from tests.pensions.coverage.conftest import employee_record

from .conftest import enrol, pension


def names(user, region, kind):
    return {person.name for person in selectors.people(user, region, TODAY, kind=kind)}


def test_a_known_village_counts_each_kind_once(ledger, village_assistant, heyuan):
    counts = selectors.counts(village_assistant, heyuan[VILLAGE], TODAY)
    assert counts.in_scope == 7
    assert counts.of("employees") == 1
    assert counts.of("retiree") == 1
    assert counts.of("pension") == 2  # paying and suspended
    assert counts.of("enrolment") == 1
    assert counts.insured == 5
    assert counts.uninsured == 2
    assert counts.share_text == "71.4%"
    assert names(village_assistant, heyuan[VILLAGE], "uninsured") == {"刘未保", "周停保"}


def test_children_students_and_the_dead_are_out_of_scope(ledger, village_assistant, heyuan):
    in_scope = names(village_assistant, heyuan[VILLAGE], "in_scope")
    assert not in_scope & {"孙小孩", "吴学生", "郑已故", "冯已故"}
    assert selectors.coverage_of(ledger["student"], TODAY)[:2] == (False, "在校学生")
    assert selectors.coverage_of(ledger["child"], TODAY)[:2] == (False, "未满16周岁")
    assert selectors.coverage_of(ledger["dead"], TODAY)[:2] == (False, "已死亡")
    assert selectors.coverage_of(ledger["dead_enrolled"], TODAY)[:2] == (False, "已死亡")


def test_a_person_in_two_schemes_counts_once_under_the_first_kind(ledger, village_assistant, heyuan):
    enrol(ledger["employee"], village_assistant)  # should not happen, but the count stays right if it does
    counts = selectors.counts(village_assistant, heyuan[VILLAGE], TODAY)
    assert (counts.of("employees"), counts.of("enrolment"), counts.in_scope) == (1, 1, 7)


def test_the_sixteenth_birthday(make_person, village_assistant, heyuan):
    sixteen_today = make_person("满十六", birth=dates.years_before(TODAY, 16))
    one_day_short = make_person("差一天", birth=dates.years_before(TODAY, 16) + datetime.timedelta(days=1))
    found = names(village_assistant, heyuan[VILLAGE], "in_scope")
    assert sixteen_today.name in found
    assert one_day_short.name not in found
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert one_day_short.name in {p.name for p in selectors.people(village_assistant, heyuan[VILLAGE], tomorrow,
                                                                   kind="in_scope")}


def test_an_employees_scheme_ending_yesterday_is_not_insured_today(make_person, village_assistant, heyuan):
    ended_yesterday = make_person("昨日停保")
    ends_today = make_person("今日停保")
    starts_tomorrow = make_person("明日参保")
    employee_record(ended_yesterday, village_assistant, until=TODAY - datetime.timedelta(days=1))
    employee_record(ends_today, village_assistant, until=TODAY)
    employee_record(starts_tomorrow, village_assistant, since=TODAY + datetime.timedelta(days=1))
    assert names(village_assistant, heyuan[VILLAGE], "uninsured") == {"昨日停保", "明日参保"}
    assert names(village_assistant, heyuan[VILLAGE], "employees") == {"今日停保"}
    yesterday = TODAY - datetime.timedelta(days=1)
    assert "昨日停保" in {p.name for p in selectors.people(village_assistant, heyuan[VILLAGE], yesterday,
                                                          kind="employees")}


def test_a_death_after_the_day_still_counts_the_person_that_day(make_person, village_assistant, heyuan):
    person = make_person("后来去世", age=70)
    pension(person, village_assistant, state="stopped", died_on=TODAY)
    assert "后来去世" not in names(village_assistant, heyuan[VILLAGE], "in_scope")
    before = TODAY - datetime.timedelta(days=1)
    assert "后来去世" in {p.name for p in selectors.people(village_assistant, heyuan[VILLAGE], before,
                                                          kind="in_scope")}


def test_a_stopped_or_refused_pension_or_a_terminated_enrolment_is_not_insurance(make_person, village_assistant,
                                                                                 heyuan):
    stopped = make_person("停发", age=70)
    pension(stopped, village_assistant, state="stopped")
    left = make_person("退保", age=40)
    enrol(left, village_assistant, state="terminated", end_reason="emigrated", ended_on=TODAY)
    pending = make_person("待补齐", age=40)
    enrol(pending, village_assistant, state="pending")
    assert names(village_assistant, heyuan[VILLAGE], "uninsured") == {"停发", "退保", "待补齐"}
