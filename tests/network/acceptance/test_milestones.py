"""The plan's milestones as dated configuration (central towns and 河源高新区 by 2011-12-31, every office by
2012-09-30) and each county's progress: due, accepted by the day, after it, not yet."""

import datetime

from hrss.core.models import Level, Region
from hrss.network.acceptance import rules, selectors, services
from tests.conftest import COUNTY, TODAY, TOWNSHIP, login
from tests.network.acceptance.test_acceptance import make_ready

DAY = datetime.timedelta(days=1)


def test_the_plans_two_milestones_are_in_force_from_the_plan_and_not_before():
    assert rules.milestones_on(rules.PLAN_DAY - DAY) == ()
    days = [(m.code, m.due_on, m.central_towns_only) for m in rules.milestones_on(TODAY)]
    assert days == [("central_towns", datetime.date(2011, 12, 31), True),
                    ("all_offices", datetime.date(2012, 9, 30), False)]


def accept(office, tina, county_officer, city_admin):
    make_ready(office, tina, county_officer)
    acceptance = services.request_acceptance(actor=county_officer, office=office, today=TODAY)
    services.decide_acceptance(actor=city_admin, acceptance=acceptance, accept=True, version=acceptance.case.version,
                               today=TODAY)


def test_an_acceptance_on_the_milestones_day_is_on_time_and_a_day_after_it_late(
        monkeypatch, office, tina, county_officer, city_admin):
    monkeypatch.setattr(rules, "MILESTONES", ((rules.PLAN_DAY, (
        rules.Milestone("central_towns", "中心镇", TODAY, True),
        rules.Milestone("all_offices", "全部", TODAY - DAY, False))),))
    accept(office, tina, county_officer, city_admin)
    Region.objects.filter(code=TOWNSHIP).update(is_central_town=True)  # counted among the central towns' offices
    (central, rows, total), (every, every_rows, _) = selectors.milestone_progress(city_admin, TODAY)
    yuancheng = next(row for row in rows if row.region.code == COUNTY)
    assert (yuancheng.due, yuancheng.on_time, yuancheng.late, yuancheng.not_yet) == (1, 1, 0, 0)
    assert total.due == Region.objects.filter(level=Level.TOWNSHIP, is_central_town=True).count()
    all_offices = next(row for row in every_rows if row.region.code == COUNTY)
    in_county = Region.objects.filter(level__in=[Level.TOWNSHIP, Level.VILLAGE], is_active=True,
                                      code__startswith="441602").count()
    assert (all_offices.due, all_offices.on_time, all_offices.late) == (in_county, 0, 1)
    assert all_offices.not_yet == in_county - 1


def test_a_county_sees_its_own_row_and_the_page_shows_it(client, county_officer):
    groups = selectors.milestone_progress(county_officer, TODAY)
    assert [[row.region.code for row in rows] for _, rows, _ in groups] == [[COUNTY], [COUNTY]]
    login(client, county_officer)
    body = client.get("/network/milestones/").content.decode()
    assert "源城区" in body and "紫金县" not in body and "2011年12月31日前" in body
