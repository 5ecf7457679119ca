"""Issue 12's "Done when": a village assistant takes an application for recognition as a 就业困难人员, the township
reviews it, the public notice runs out across a holiday, the county approves, the person is placed in a
public-welfare post, and the month's subsidy roll lists them. The clock moves through the days of the case (the
live server's threads see the test's clock), in a March of next year whose Tuesday to Thursday are holidays."""

import datetime

import pytest

from hrss.accounts.models import User
from hrss.assistance.models import Placement, Recognition
from hrss.assistance.posts import services as posts_services
from hrss.core import workdays
from hrss.core.models import CalendarDay
from hrss.core.permissions import Role
from tests.assistance.recognition.conftest import make_person
from tests.browser.test_workbench_browser import log_in
from tests.conftest import SHANGHAI, TODAY, TOWNSHIP, VILLAGE

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ONE_DAY = datetime.timedelta(days=1)


def _friday_in_march(year):
    day = datetime.date(year, 3, 1)
    while day.weekday() != 4:
        day += ONE_DAY
    return day


def _at(day):
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=SHANGHAI)


def test_recognised_after_a_notice_across_a_holiday_placed_in_a_post_and_on_the_roll(
        transactional_db, live_server, browser, heyuan, village_assistant, make_user, county_officer, clock,
        screenshot):
    workdays.load_seed()  # a transactional test empties the tables the migration seeded
    friday = _friday_in_march(TODAY.year + 1)
    monday = friday + 3 * ONE_DAY
    holidays = [monday + ONE_DAY, monday + 2 * ONE_DAY, monday + 3 * ONE_DAY]  # Tuesday to Thursday
    workdays.load_arrangement(days={day: (CalendarDay.Kind.HOLIDAY, "测试假日") for day in holidays},
                              years=[friday.year], actor=None, source="测试安排")
    make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)
    clock.move_to(_at(friday))
    User.objects.update(password_changed_at=_at(friday))  # not due for a change (90 days) on the day the case starts
    person = make_person(village_assistant, name="陈桂英", age=45, sex="F", day=friday)

    # The village assistant takes the application in from the person's page.
    alice = log_in(browser, live_server, "alice")
    alice.goto(f"{live_server.url}/residents/{person.pk}/")
    with alice.expect_navigation():
        alice.click("[data-testid=recognition-panel] >> text=申请认定")
    # First the category, which shows only its documents; then the documents seen, all of them.
    alice.select_option("#pick-category", "aged")
    with alice.expect_navigation():
        alice.click("[data-testid=pick-category] >> button")
    assert alice.input_value("#id_category") == "aged"
    boxes = alice.locator("input[name=documents]").all()
    assert boxes
    for box in boxes:
        box.check()
    screenshot(alice, "assistance-apply-1366")
    with alice.expect_navigation():
        alice.click("button:has-text('受理并报乡镇(街道)审核')")
    recognition = Recognition.objects.get(person=person)
    assert recognition.case.step == "township_review"
    assert "乡镇(街道)审核" in alice.text_content("[data-testid=case-state]")

    # The township reviews it on the Friday: the notice runs from Monday over the holidays.
    rita = log_in(browser, live_server, "rita")
    rita.goto(f"{live_server.url}/assistance/recognition/{recognition.pk}/")
    rita.fill("#id_notice_place", "下城社区居委会公示栏")
    with rita.expect_navigation():
        rita.click("[data-testid=decide] >> button:has-text('审核通过，开始公示')")
    recognition.refresh_from_db()
    last_day = monday + 9 * ONE_DAY  # Monday, Friday, and Monday to Wednesday of the next week
    assert (recognition.notice_from, recognition.notice_until) == (monday, last_day)
    assert f"{monday:%Y-%m-%d} 至 {last_day:%Y-%m-%d}" in rita.text_content("[data-testid=notice]")
    screenshot(rita, "assistance-notice-1366")

    # On the notice's last day it cannot go to the county yet; the day after, it can.
    clock.move_to(_at(last_day))
    rita = log_in(browser, live_server, "rita")
    rita.goto(f"{live_server.url}/assistance/recognition/{recognition.pk}/")
    # The button is not offered; the page says why.
    assert rita.locator("button:has-text('公示期满无异议，报县审批')").count() == 0
    assert f"{last_day:%Y-%m-%d}" in rita.text_content("[data-testid=blocked]")
    screenshot(rita, "assistance-notice-last-day-1366")
    recognition.case.refresh_from_db()
    assert recognition.case.step == "public_notice"
    approval_day = last_day + ONE_DAY
    clock.move_to(_at(approval_day))
    rita = log_in(browser, live_server, "rita")
    rita.goto(f"{live_server.url}/assistance/recognition/{recognition.pk}/")
    with rita.expect_navigation():
        rita.click("[data-testid=decide] >> button:has-text('公示期满无异议，报县审批')")
    recognition.case.refresh_from_db()
    assert recognition.case.step == "county_approval"

    # The county approves: recognised from that day.
    carl = log_in(browser, live_server, "carl")
    carl.goto(f"{live_server.url}/assistance/recognition/{recognition.pk}/")
    screenshot(carl, "assistance-approve-1366")
    with carl.expect_navigation():
        carl.click("[data-testid=decide] >> button.btn-success")
    recognition.refresh_from_db()
    assert (recognition.status, recognition.recognised_on) == ("recognised", approval_day)
    assert "已认定" in carl.text_content("[data-testid=status]")

    # Placed in a public-welfare post of 下城社区 from the person's page.
    post = posts_services.create_post(actor=county_officer, region_code=VILLAGE, unit_name="下城社区居民委员会",
                                      unit_kind="village_committee", title="社区保洁", headcount=2, open_from=friday,
                                      today=approval_day)
    carl.goto(f"{live_server.url}/assistance/posts/place/{person.pk}/")
    carl.select_option("select[name=post]", str(post.pk))
    carl.fill("input[name=started_on]", approval_day.isoformat())
    screenshot(carl, "assistance-place-1366")
    with carl.expect_navigation():
        carl.click("button:has-text('安置上岗')")
    placement = Placement.objects.get(person=person)
    assert placement.post == post and placement.started_on == approval_day

    # The month's subsidy roll lists her, with the post's unit.
    carl.goto(f"{live_server.url}/assistance/posts/roll/?region={VILLAGE}&month={approval_day:%Y-%m}")
    roll = carl.text_content("[data-testid=roll]")
    assert "陈桂英" in roll and "下城社区居民委员会" in roll
    assert "合计 1 人" in carl.text_content("[data-testid=roll-sums]")
    screenshot(carl, "assistance-roll-1366")

    # The same pages on a phone.
    phone = log_in(browser, live_server, "carl", viewport=PHONE)
    for name, path in (("recognition", f"/assistance/recognition/{recognition.pk}/"),
                       ("roll", f"/assistance/posts/roll/?region={VILLAGE}&month={approval_day:%Y-%m}"),
                       ("statistics", "/assistance/statistics/")):
        phone.goto(f"{live_server.url}{path}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1, name
        screenshot(phone, f"assistance-{name}-390")
