"""Overdue for a visit: more than the interval (rules.py, dated) since the last visit, or since the recognition
before the first. The interval's day is not overdue, the day after is."""

import datetime

from django.test import Client

from hrss.assistance.support import rules, selectors, services
from hrss.core.pending import pending_work_for
from tests.assistance.support.conftest import recognise, register
from tests.conftest import TODAY

INTERVAL = rules.visit_interval(TODAY)


def days(n):
    return datetime.timedelta(days=n)


def overdue_names(user):
    return sorted(r.person.name for r in selectors.overdue(user, None, TODAY))


def test_the_interval_is_dated_configuration():
    assert rules.visit_interval(TODAY) == 30
    assert rules.overdue_cutoff(TODAY) == TODAY - days(30)


def test_a_visit_exactly_the_interval_ago_is_not_overdue_the_day_before_it_is(heyuan, village_assistant):
    on_time = recognise(register(village_assistant, "钱按期", serial=21), village_assistant, days_ago=INTERVAL + 20)
    late = recognise(register(village_assistant, "孙超期", serial=23), village_assistant, days_ago=INTERVAL + 20)
    services.record_visit(actor=village_assistant, recognition=on_time, visited_on=TODAY - days(INTERVAL),
                          way="home", outcome="走访")
    services.record_visit(actor=village_assistant, recognition=late, visited_on=TODAY - days(INTERVAL + 1),
                          way="home", outcome="走访")
    assert overdue_names(village_assistant) == ["孙超期"]


def test_before_the_first_visit_the_recognition_day_counts(heyuan, village_assistant):
    recognise(register(village_assistant, "周新认定", serial=25), village_assistant, days_ago=INTERVAL)
    recognise(register(village_assistant, "吴久未访", serial=27), village_assistant, days_ago=INTERVAL + 1)
    assert overdue_names(village_assistant) == ["吴久未访"]


def test_the_latest_visit_counts_and_exited_people_are_not_overdue(heyuan, village_assistant):
    recognition = recognise(register(village_assistant, "郑回访", serial=29), village_assistant,
                            days_ago=INTERVAL + 40)
    services.record_visit(actor=village_assistant, recognition=recognition, visited_on=TODAY - days(INTERVAL + 30),
                          way="home", outcome="第一次")
    assert overdue_names(village_assistant) == ["郑回访"]
    services.record_visit(actor=village_assistant, recognition=recognition, visited_on=TODAY - days(2),
                          way="phone", outcome="第二次")
    assert overdue_names(village_assistant) == []
    recognise(register(village_assistant, "冯已退出", serial=31), village_assistant, days_ago=INTERVAL + 40,
              status="exited", exited_on=TODAY - days(1), exit_reason="stable_work")
    assert overdue_names(village_assistant) == []


def test_pending_work_and_the_statistics_count_them(heyuan, village_assistant, county_officer,
                                                    neighbour_county_officer):
    late = recognise(register(village_assistant, "孙超期", serial=23), village_assistant, days_ago=INTERVAL + 1)
    planned = recognise(register(village_assistant, "钱有计划", serial=21), village_assistant, days_ago=3)
    services.save_plan(actor=village_assistant, recognition=planned, items=["guidance"],
                       responsible=village_assistant, target_on=TODAY + days(30))
    services.record_visit(actor=village_assistant, recognition=planned, visited_on=TODAY, way="home", outcome="走访")
    items = {item.title: item for item in pending_work_for(village_assistant)}
    assert items[f"超过{INTERVAL}天未走访的就业困难人员"].count == 1
    assert items["未制定援助计划的就业困难人员"].count == 1
    assert not any("援助计划" in title or "未走访" in title for title in
                   (item.title for item in pending_work_for(neighbour_county_officer)))

    client = Client()
    client.force_login(county_officer)
    page = client.get("/assistance/statistics/", {"region": late.region_code}).content.decode()
    assert "有援助计划" in page and "本月走访" in page and "超期未走访" in page
    assert "/assistance/support/ledger/?region=441602001003&amp;overdue=1" in page
    ledger = client.get("/assistance/support/ledger/", {"region": late.region_code, "overdue": "1"})
    assert "孙超期" in ledger.content.decode() and "钱有计划" not in ledger.content.decode()
