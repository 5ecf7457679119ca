"""KPI 3: the job seekers and registered unemployed with at least one free public employment service."""

import datetime

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


def test_a_guidance_record_counts_from_its_day(make_seeker, make_person, township_officer, heyuan):
    from hrss.jobservices.guidance import services as guidance_services

    person = make_person(name="指导")
    make_seeker(person)
    make_seeker(make_person(name="未服务"))
    guidance_services.record_guidance(actor=township_officer, person=person, given_on=TODAY - 2 * DAY,
                                      topic="career_choice", advice="建议参加电工培训", next_step="none")
    assert kpi.service_report(township_officer, heyuan[VILLAGE], today=TODAY - 3 * DAY)[0].served == 0
    total = kpi.service_report(township_officer, heyuan[VILLAGE], today=TODAY)[0]
    assert (total.people, total.served, total.rate) == (2, 1, 50.0)


def test_the_page_lists_the_people_not_served_yet(client, make_seeker, make_person, make_vacancy, township_officer,
                                                  heyuan):
    """The county's meeting asks who is behind the shortfall: the 尚未服务 figure links to their names."""
    make_seeker(make_person(name="已推荐"))
    services.refer(actor=township_officer, seeker=make_seeker(make_person(name="推荐过")), vacancy=make_vacancy())
    waiting = make_seeker(make_person(name="未服务者"))
    client.force_login(township_officer)
    page = client.get("/jobservices/referrals/kpi/", {"region": TOWNSHIP}).content.decode()
    assert 'data-testid="kpi3-unserved-link">2<' in page
    listed = client.get("/jobservices/referrals/kpi/", {"region": TOWNSHIP, "unserved": "1"}).content.decode()
    people = listed[listed.index('data-testid="kpi3-people"'):]
    assert "未服务者" in people and "已推荐" in people and "推荐过" not in people
    assert f"/residents/{waiting.person.pk}/" in people and "下城社区" in people


def test_the_api_gives_the_same_figures_per_region(client, make_seeker, make_person, make_vacancy, township_officer,
                                                   neighbour_county_officer, heyuan):
    from hrss.accounts import services as account_services

    services.refer(actor=township_officer, seeker=make_seeker(make_person(name="推荐过")), vacancy=make_vacancy())
    make_seeker(make_person(name="未服务者"))
    token = account_services.create_token(actor=None, user=township_officer)
    answer = client.get(f"/api/v1/kpi/free-employment-services/{TOWNSHIP}",
                        headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["figures"] == {"people": 2, "served": 1, "unserved": 1, "rate": 50.0}
    village = next(child for child in body["children"] if child["region_code"] == VILLAGE)
    assert (village["name"], village["people"], village["served"]) == ("下城社区", 2, 1)
    other = account_services.create_token(actor=None, user=neighbour_county_officer)
    assert client.get(f"/api/v1/kpi/free-employment-services/{TOWNSHIP}",
                      headers={"Authorization": f"Bearer {other}"}).status_code == 404
