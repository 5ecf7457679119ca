"""Pending work: the village's subjects still due while the window is open, with the days left (urgent in the last
week); the county's campaign whose window has closed with no suspension run. The statistics figures (应认证, 已认证,
未认证已暂停) count the region's certifications of the latest year."""

import datetime

from hrss.core.models import Region
from hrss.core.pending import pending_work_for
from hrss.pensions.certification import figures, pending, services
from tests.conftest import TODAY, VILLAGE

from .conftest import DAY, YEAR, certification_of


def titles(user):
    return {item.title: item for item in pending_work_for(user)}


def test_the_village_s_due_with_days_left(pensioner, start, village_assistant, county_officer):
    pensioner("王大爷")
    pensioner("李大娘")
    start(opens_on=TODAY - 5 * DAY, closes_on=TODAY + 9 * DAY, today=TODAY - 5 * DAY)
    items = pending.due_in_open_windows(village_assistant)
    assert [(item.title, item.count, item.overdue) for item in items] == [
        (f"{YEAR}年度领取待遇资格认证：待认证人员（认证期还剩10天）", 2, 0)]
    assert pending.suspensions_to_run(county_officer)[0].count == 0


def test_urgent_in_the_last_week(pensioner, start, village_assistant):
    pensioner("王大爷")
    start(opens_on=TODAY - 5 * DAY, closes_on=TODAY + 6 * DAY, today=TODAY - 5 * DAY)
    (item,) = pending.due_in_open_windows(village_assistant)
    assert "还剩7天" in item.title and item.overdue == 1


def test_a_closed_window_without_suspension_waits_for_the_county(pensioner, start, county_officer,
                                                                 village_assistant):
    pensioner("王大爷")
    first = datetime.date(YEAR, 1, 1)
    campaign = start(opens_on=first, closes_on=TODAY - DAY, today=first)
    assert pending.due_in_open_windows(village_assistant) == []
    assert "认证期已结束、尚未暂停未认证人员待遇的认证活动" in titles(county_officer)
    services.suspend_uncertified(actor=county_officer, campaign=campaign, today=TODAY)
    assert "认证期已结束、尚未暂停未认证人员待遇的认证活动" not in titles(county_officer)


def test_the_statistics_figures(pensioner, retiree, start, county_officer, village_assistant):
    certified, _ = pensioner("王大爷"), pensioner("李大娘")
    retiree("陈国强")
    first = datetime.date(YEAR, 1, 1)
    campaign = start(opens_on=first, closes_on=TODAY - DAY, today=first)
    services.certify(actor=village_assistant, certification=certification_of(campaign, certified), method="visit",
                     on=first, today=first)
    services.suspend_uncertified(actor=county_officer, campaign=campaign, today=TODAY)
    village = Region.objects.get(code=VILLAGE)
    assert (figures.due(county_officer, village, TODAY), figures.done(county_officer, village, TODAY),
            figures.suspended(county_officer, village, TODAY)) == (3, 1, 2)
