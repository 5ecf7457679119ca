"""KPI 3: the job seekers and registered unemployed with at least one free public employment service."""

import datetime

from django.apps import apps

from hrss.jobservices.referrals import kpi, services
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE

DAY = datetime.timedelta(days=1)


def test_people_served_by_a_referral_count_once(make_seeker, make_person, make_vacancy, registered_unemployed,
                                                township_officer, neighbour_village_assistant, heyuan):
    referred = make_seeker(make_person(name="推荐"))
    make_seeker(make_person(name="未服务"))
    unemployed = make_person(name="失业")
    registered_unemployed(unemployed, TODAY - 30 * DAY)
    both = make_person(name="两者", region=NEIGHBOUR_VILLAGE)
    registered_unemployed(both, TODAY - 30 * DAY, actor=neighbour_village_assistant)
    make_seeker(both)
    services.refer(actor=township_officer, seeker=referred, vacancy=make_vacancy())
    services.refer(actor=township_officer, seeker=both.job_seekings.get(), vacancy=make_vacancy())
    total, children = kpi.service_report(township_officer, heyuan[TOWNSHIP], today=TODAY)
    assert (total.people, total.served, total.rate) == (4, 2, 50.0)
    by_code = {child.code: figures for child, figures in children}
    assert (by_code[VILLAGE].people, by_code[VILLAGE].served) == (3, 1)
    assert (by_code[NEIGHBOUR_VILLAGE].people, by_code[NEIGHBOUR_VILLAGE].served) == (1, 1)


def test_guidance_and_training_count_when_recorded(make_seeker, make_person, township_officer, heyuan):
    person = make_person(name="指导")
    make_seeker(person)
    guidance = kpi._model("GuidanceRecord")
    if guidance is None:
        assert kpi.service_report(township_officer, heyuan[VILLAGE], today=TODAY)[0].served == 0
        return
    fields = {field.name for field in guidance._meta.concrete_fields}
    assert {"person", "region_code", "given_on"} <= fields
    assert apps.get_model("jobservices", "GuidanceRecord") is guidance
    assert kpi.served_people([person.pk], today=TODAY) == set()
