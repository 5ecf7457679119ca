"""KPI 1: a suitable offer within 10 working days of the 求职登记, across the 2026 National Day holiday."""

import datetime

import pytest

from hrss.core import workdays
from hrss.jobservices.models import Referral
from hrss.jobservices.referrals import kpi
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE, login

D = datetime.date
REGISTERED = D(2026, 9, 28)  # a Monday; 10-01 to 10-07 are holidays, Saturday 10-10 a working day
TENTH = D(2026, 10, 16)
ELEVENTH = D(2026, 10, 19)


def offer(seeker, on, *, suitable=True, officer):
    number = f"TJ{Referral.objects.count() + 1:08d}"
    return Referral.objects.create(seeker=seeker, vacancy=offer.vacancy, region_code=seeker.region_code,
                                   number=number, referred_on=on, due_on=on + datetime.timedelta(days=14),
                                   suitable=suitable, outcome="not_hired", outcome_on=on, created_by=officer)


@pytest.fixture
def seeker_on(make_seeker, make_person, make_vacancy, county_officer):
    offer.vacancy = make_vacancy()

    def make(name, region=VILLAGE, registered_on=REGISTERED, **fields):
        return make_seeker(make_person(name=name, region=region), registered_on=registered_on, **fields)

    return make


def status_of(user, seeker, today):
    rows = kpi.job_offer_rows(user, seeker_region(user), 2026, 9, today=today)
    return {row.seeker_id: row for row in rows}[seeker.pk]


def seeker_region(user):
    return user.region


def test_the_tenth_working_day_is_counted_with_the_holiday_calendar(db):
    assert workdays.add_working_days(REGISTERED, 10) == TENTH
    assert workdays.add_working_days(REGISTERED, 11) == ELEVENTH


def test_an_offer_on_the_tenth_working_day_is_on_time_and_on_the_eleventh_late(seeker_on, county_officer):
    tenth, eleventh = seeker_on("按时"), seeker_on("逾期")
    offer(tenth, TENTH, officer=county_officer)
    offer(eleventh, ELEVENTH, officer=county_officer)
    today = D(2026, 10, 30)
    assert status_of(county_officer, tenth, today).status == kpi.ON_TIME
    assert status_of(county_officer, tenth, today).due_on == TENTH
    late = status_of(county_officer, eleventh, today)
    assert (late.status, late.offer_on) == (kpi.LATE, ELEVENTH)


def test_without_an_offer_it_is_still_due_up_to_the_tenth_working_day_then_late(seeker_on, county_officer):
    waiting = seeker_on("等待")
    assert status_of(county_officer, waiting, TENTH).status == kpi.DUE
    assert status_of(county_officer, waiting, D(2026, 10, 17)).status == kpi.LATE  # Saturday after the due day
    assert status_of(county_officer, waiting, D(2026, 10, 17)).offer_on is None


def test_an_unsuitable_referral_is_no_offer(seeker_on, county_officer):
    seeker = seeker_on("不合适")
    offer(seeker, D(2026, 9, 30), suitable=False, officer=county_officer)
    assert status_of(county_officer, seeker, D(2026, 10, 30)).status == kpi.LATE
    offer(seeker, ELEVENTH, officer=county_officer)
    row = status_of(county_officer, seeker, D(2026, 10, 30))
    assert (row.status, row.offer_on) == (kpi.LATE, ELEVENTH)  # the first suitable one counts


def test_the_first_suitable_offer_counts(seeker_on, county_officer):
    seeker = seeker_on("两次")
    offer(seeker, ELEVENTH, officer=county_officer)
    offer(seeker, D(2026, 10, 9), officer=county_officer)
    assert status_of(county_officer, seeker, D(2026, 10, 30)).offer_on == D(2026, 10, 9)


def test_only_not_selective_seekers_of_the_month_count(seeker_on, county_officer):
    seeker_on("挑选", not_selective=False)
    seeker_on("十月", registered_on=D(2026, 10, 8))
    counted = seeker_on("计入")
    rows = kpi.job_offer_rows(county_officer, county_officer.region, 2026, 9, today=D(2026, 10, 30))
    assert [row.seeker_id for row in rows] == [counted.pk]


def test_a_seeker_who_stopped_looking_before_the_due_day_is_left_out(seeker_on, county_officer):
    seeker_on("放弃", status="ended", ended_on=D(2026, 10, 9), end_reason="withdrawn")
    report = kpi.job_offer_report(county_officer, county_officer.region, 2026, 9, today=D(2026, 10, 30))
    assert (report.figures.ended, report.figures.late, report.figures.rate) == (1, 0, None)


def test_figures_per_child_region_and_the_late_ones_by_township(seeker_on, county_officer, heyuan):
    offer(seeker_on("甲"), TENTH, officer=county_officer)
    seeker_on("乙")
    seeker_on("丙", region=NEIGHBOUR_VILLAGE)
    today = D(2026, 10, 30)
    report = kpi.job_offer_report(county_officer, heyuan[TOWNSHIP], 2026, 9, today=today)
    assert (report.figures.on_time, report.figures.late, report.figures.rate) == (1, 2, 33.3)
    children = {child.code: figures for child, figures in report.children}
    assert (children[VILLAGE].on_time, children[VILLAGE].late) == (1, 1)
    assert (children[NEIGHBOUR_VILLAGE].on_time, children[NEIGHBOUR_VILLAGE].late) == (0, 1)
    ((_code, township, late),) = report.late_by_township
    assert township == "上城街道" and sorted(row.name for row in late) == ["丙", "乙"]


def test_a_village_assistant_counts_only_her_village(seeker_on, village_assistant, heyuan):
    seeker_on("甲")
    seeker_on("丙", region=NEIGHBOUR_VILLAGE)
    rows = kpi.job_offer_rows(village_assistant, heyuan[VILLAGE], 2026, 9, today=D(2026, 10, 30))
    assert [row.name for row in rows] == ["甲"]


def test_the_page_and_the_api(seeker_on, county_officer, client):
    registered = TODAY - datetime.timedelta(days=40)  # both due days have passed
    month = f"{registered:%Y-%m}"
    offer(seeker_on("甲", registered_on=registered), registered + datetime.timedelta(days=1), officer=county_officer)
    seeker_on("乙", registered_on=registered)
    page = login(client, county_officer).get("/jobservices/referrals/kpi/",
                                              {"region": TOWNSHIP, "month": month, "status": "late"})
    body = page.content.decode()
    assert page.status_code == 200 and "50.0%" in body and "乙" in body and "上城街道" in body
    from hrss.accounts import services as account_services

    token = account_services.create_token(actor=None, user=county_officer)
    answer = client.get(f"/api/v1/kpi/job-offer-within-10-days/{TOWNSHIP}/{month}",
                        headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    figures = answer.json()["figures"]
    assert (figures["numerator"], figures["denominator"], figures["rate"]) == (1, 2, 50.0)
    assert {child["region_code"]: child["late"] for child in answer.json()["children"]}[VILLAGE] == 1
