"""A death closes the record, whether recorded here or reported in the benefits part (its after_death hook); a move
within the city takes a standing record and its visits along; leaving is 迁出."""

import pytest
from django.core.exceptions import ValidationError

from hrss.pensions.benefits import services as benefits_services
from hrss.pensions.models import DeathReport, Retiree, RetireeState, RetireeVisit
from hrss.pensions.retirees import services
from hrss.residents import services as residents_services
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY
from tests.pensions.retirees.conftest import days, make_retiree


def test_recorded_death_closes_the_record_and_is_reported_once(heyuan, village_assistant):
    retiree = make_retiree(village_assistant, "病故", managed=True)
    closed = services.record_death(actor=village_assistant, retiree=retiree, died_on=TODAY - days(1))
    assert (closed.state, closed.died_on) == (RetireeState.DIED, TODAY - days(1))
    assert DeathReport.objects.filter(person=retiree.person, died_on=TODAY - days(1)).count() == 1
    with pytest.raises(ValidationError, match="已于.*死亡"):
        services.record_visit(actor=village_assistant, retiree=closed, visited_on=TODAY, kind="home", note="x")


def test_a_death_reported_in_benefits_closes_the_record(heyuan, village_assistant):
    retiree = make_retiree(village_assistant, "报告死亡")
    benefits_services.report_death(actor=village_assistant, person=retiree.person, died_on=TODAY - days(5),
                                   today=TODAY)
    retiree.refresh_from_db()
    assert (retiree.state, retiree.died_on) == (RetireeState.DIED, TODAY - days(5))


def test_death_before_retirement_or_tomorrow_is_refused(heyuan, village_assistant):
    retiree = make_retiree(village_assistant, "填错日期")
    with pytest.raises(ValidationError, match="晚于今天"):
        services.record_death(actor=village_assistant, retiree=retiree, died_on=TODAY + days(1))
    with pytest.raises(ValidationError, match="早于退休日期"):
        services.record_death(actor=village_assistant, retiree=retiree, died_on=retiree.retired_on - days(1))
    assert Retiree.objects.get(pk=retiree.pk).state == RetireeState.NOT_MANAGED


def test_a_move_within_the_city_takes_the_record_along(heyuan, village_assistant, township_officer,
                                                       neighbour_village_assistant):
    retiree = make_retiree(village_assistant, "搬家", managed=True)
    services.record_visit(actor=village_assistant, retiree=retiree, visited_on=TODAY, kind="home", note="走访")
    residents_services.move_person(actor=township_officer, person=retiree.person,
                                   to_village=heyuan[NEIGHBOUR_VILLAGE])
    retiree.refresh_from_db()
    assert retiree.region_code == NEIGHBOUR_VILLAGE and retiree.state == RetireeState.MANAGED
    assert set(RetireeVisit.objects.filter(retiree=retiree).values_list("region_code", flat=True)) == {
        NEIGHBOUR_VILLAGE}
    services.record_visit(actor=neighbour_village_assistant, retiree=retiree, visited_on=TODAY, kind="phone",
                          note="新社区走访")


def test_moving_out_closes_the_record(heyuan, village_assistant):
    retiree = make_retiree(village_assistant, "离开")
    closed = services.move_out(actor=village_assistant, retiree=retiree, on=TODAY, moved_to="广州市天河区")
    assert (closed.state, closed.moved_out_on, closed.moved_to) == (RetireeState.MOVED_OUT, TODAY, "广州市天河区")
    with pytest.raises(ValidationError, match="已于.*迁出"):
        services.move_out(actor=village_assistant, retiree=closed, on=TODAY)
