"""Who is due a visit: a standing retiree aged 80 or over (from the 80th birthday) not visited for more than 90 days,
or marked sick not visited for more than 30 (rules.py, dated). The interval's last day is still in time, the day
after is due; never visited is due."""

import datetime

from django.test import Client

from hrss.core.dates import years_before
from hrss.core.pending import pending_work_for
from hrss.pensions.retirees import rules, selectors, services
from tests.conftest import TODAY
from tests.pensions.retirees.conftest import days, make_retiree

AGED = rules.interval(TODAY, "aged")
SICK = rules.interval(TODAY, "sick")
EIGHTIETH = years_before(TODAY, 80)  # born that day: 80 today


def due_names(user):
    return sorted(r.person.name for r in selectors.due_visits(user, None, TODAY))


def visit(actor, retiree, on):
    services.record_visit(actor=actor, retiree=retiree, visited_on=on, kind="home", note="走访")


def test_the_rules_are_dated_configuration():
    assert (rules.aged_from(TODAY), AGED, SICK) == (80, 90, 30)
    assert "依据待核实" in rules.visits_source()


def test_the_eightieth_birthday_makes_one_due_the_day_before_does_not(heyuan, village_assistant):
    make_retiree(village_assistant, "今天满八十", birth=EIGHTIETH)
    make_retiree(village_assistant, "明天满八十", birth=EIGHTIETH + days(1))
    assert due_names(village_assistant) == ["今天满八十"]


def test_the_aged_intervals_last_day_is_in_time(heyuan, village_assistant):
    in_time = make_retiree(village_assistant, "按期", birth=EIGHTIETH - days(2000))
    late = make_retiree(village_assistant, "超期", birth=EIGHTIETH - days(2000))
    visit(village_assistant, in_time, TODAY - days(AGED))
    visit(village_assistant, late, TODAY - days(AGED + 1))
    assert due_names(village_assistant) == ["超期"]


def test_the_sick_intervals_last_day_is_in_time(heyuan, village_assistant):
    in_time = make_retiree(village_assistant, "病按期", birth=datetime.date(TODAY.year - 70, 5, 1))
    late = make_retiree(village_assistant, "病超期", birth=datetime.date(TODAY.year - 70, 5, 1))
    make_retiree(village_assistant, "未患病", birth=datetime.date(TODAY.year - 70, 5, 1))
    for retiree in (in_time, late):
        services.set_care(actor=village_assistant, retiree=retiree, needs_care=True, health_note="中风后行动不便")
    visit(village_assistant, in_time, TODAY - days(SICK))
    visit(village_assistant, late, TODAY - days(SICK + 1))
    assert due_names(village_assistant) == ["病超期"]


def test_the_sick_aged_are_visited_at_the_shorter_interval(heyuan, village_assistant):
    retiree = make_retiree(village_assistant, "高龄患病", birth=EIGHTIETH - days(800))
    services.set_care(actor=village_assistant, retiree=retiree, needs_care=True, health_note="卧床")
    visit(village_assistant, retiree, TODAY - days(SICK + 1))
    assert due_names(village_assistant) == ["高龄患病"]


def test_the_dead_and_the_moved_out_are_not_due(heyuan, village_assistant):
    dead = make_retiree(village_assistant, "已故", birth=EIGHTIETH - days(900))
    gone = make_retiree(village_assistant, "迁走", birth=EIGHTIETH - days(900))
    services.record_death(actor=village_assistant, retiree=dead, died_on=TODAY)
    services.move_out(actor=village_assistant, retiree=gone, on=TODAY, moved_to="深圳市")
    assert due_names(village_assistant) == []


def test_pending_work_page_and_figure_count_them(heyuan, village_assistant, neighbour_village_assistant,
                                                 county_officer):
    make_retiree(village_assistant, "从未走访", birth=EIGHTIETH - days(400))
    items = {item.title: item for item in pending_work_for(village_assistant)}
    assert items["到期应走访的退休人员（高龄、患病）"].count == 1
    assert not any(item.title.startswith("到期应走访的退休人员") and item.count
                   for item in pending_work_for(neighbour_village_assistant))
    client = Client()
    client.force_login(village_assistant)
    page = client.get("/pensions/retirees/due-visits/").content.decode()
    assert "从未走访" in page and "80周岁以上" in page
    client.force_login(county_officer)
    statistics = client.get("/pensions/statistics/").content.decode()
    assert "到期应走访的退休人员" in statistics


def test_the_visits_go_to_the_village_and_the_township_not_the_county(heyuan, village_assistant, township_officer,
                                                                       county_officer):
    make_retiree(village_assistant, "从未走访", birth=EIGHTIETH - days(400))

    def titles(user):
        return [item.title for item in pending_work_for(user) if item.title.startswith("到期应走访的退休人员")]

    assert titles(village_assistant) and titles(township_officer)
    assert titles(county_officer) == []
