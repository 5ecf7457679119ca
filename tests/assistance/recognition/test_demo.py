"""hrss demo --people: recognitions of 下城社区 at each state, through the services; run twice, nothing more."""

from django.core.management import call_command

from hrss.assistance.models import Recognition


def test_the_demo_makes_a_recognition_at_each_state(heyuan, capsys):
    call_command("demo", "--people", "300", "--seed", "2011")
    assert "就业困难人员认定" in capsys.readouterr().out
    states = set(Recognition.objects.values_list("status", "case__step"))
    for state in [("in_review", "township_review"), ("in_review", "public_notice"), ("in_review", "county_approval"),
                  ("recognised", "county_approval"), ("refused", "township_review"), ("exited", "county_approval")]:
        assert state in states, state
    count = Recognition.objects.filter(region_code="441602001003").count()
    call_command("demo", "--people", "300", "--seed", "2011")
    assert Recognition.objects.filter(region_code="441602001003").count() == count
