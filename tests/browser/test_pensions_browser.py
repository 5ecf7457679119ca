"""Issue 13's "Done when": the village assistant enrols a resident, the bank's payment file is imported, the pension
starts at 60 and is shown with its calculation, a certification campaign suspends the pensioner who was not
certified in time, and the certification resumes the pension with back pay. The clock moves through the months of the
case (the live server's threads see the test's clock)."""

import datetime
from decimal import Decimal

import pytest

from hrss.accounts.models import User
from hrss.core import workdays
from hrss.core.dates import add_months, years_before
from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.pensions.benefits import services as benefits_services
from hrss.pensions.benefits.selectors import monthly_amount
from hrss.pensions.models import (
    Contribution,
    ContributionKind,
    Enrolment,
    EnrolmentState,
    PaymentKind,
    Pension,
    PensionPayment,
    PensionState,
)
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from tests.browser.test_workbench_browser import log_in
from tests.conftest import SHANGHAI, TODAY, TOWNSHIP, VILLAGE

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _at(day):
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=SHANGHAI)


def _move_clock(clock, day):
    clock.move_to(_at(day))
    User.objects.update(password_changed_at=_at(day))  # not due for a change (90 days) on that day


def _payment_file(path, person, years):
    lines = ["公民身份号码,姓名,缴费年度,缴费金额,到账日期,票据号/流水号,缴费类别"]
    lines += [f"{person.id_number},{person.name},{year},300.00,{year}-06-01,BANK{year}{person.pk:06d},个人缴费"
              for year in years]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_enrolled_paid_pensioned_at_sixty_suspended_by_the_campaign_and_resumed_with_back_pay(
        transactional_db, live_server, browser, heyuan, village_assistant, make_user, county_officer, clock,
        screenshot, tmp_path):
    workdays.load_seed()  # a transactional test empties the tables the migration seeded
    make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)
    _move_clock(clock, TODAY)
    # 60 on the 10th of next month: the pension is paid from the month after.
    birthday = add_months(TODAY.replace(day=1), 1).replace(day=10)
    first_month = add_months(birthday.replace(day=1), 1)
    person = residents_services.register_person(
        actor=village_assistant, id_number=id_number_for("441602", years_before(birthday, 60), 517), name="黄玉兰",
        village=Region.objects.get(code=VILLAGE))[0]

    # 1. The village assistant enrols her from her page, documents complete: done the same day.
    alice = log_in(browser, live_server, "alice")
    alice.goto(f"{live_server.url}/residents/{person.pk}/")
    with alice.expect_navigation():
        alice.click("[data-testid=enrolment-panel] >> text=参保登记")
    for box in alice.locator("[data-testid=enrolment-form] input[name=documents]").all():
        box.check()
    alice.select_option("[data-testid=enrolment-form] select[name=tier]", index=1)
    screenshot(alice, "pensions-enrol-1366")
    with alice.expect_navigation():
        alice.click("button:has-text('办理参保登记')")
    enrolment = Enrolment.objects.get(person=person)
    assert (enrolment.state, enrolment.enrolled_on) == (EnrolmentState.ACTIVE, TODAY)

    # 2. The bank's file of her 15 years of payments is imported and matched to her.
    years = range(TODAY.year - 15, TODAY.year)
    alice.goto(f"{live_server.url}/pensions/contributions/imports/new/")
    alice.select_option("select[name=source]", "bank")
    alice.set_input_files("input[name=file]", str(_payment_file(tmp_path / "银行代扣.csv", person, years)))
    with alice.expect_navigation():
        alice.click("button:has-text('上传并导入')")
    alice.wait_for_selector("text=已匹配")
    paid = Contribution.objects.filter(person=person, kind=ContributionKind.PERSONAL)
    assert sorted(paid.values_list("year", flat=True)) == list(years)
    assert "15" in alice.text_content("main")

    # 3. In the month after her 60th birthday she applies; the township forwards, the county approves.
    _move_clock(clock, first_month + datetime.timedelta(days=2))  # (sessions end after 30 idle minutes: log in again)
    alice = log_in(browser, live_server, "alice")
    alice.goto(f"{live_server.url}/pensions/benefits/apply/{person.pk}/")
    assert "÷ 139" in alice.text_content("[data-testid=calculation]")
    with alice.expect_navigation():
        alice.click("button:has-text('受理申领，报乡镇审核')")
    pension = Pension.objects.get(person=person)
    rita = log_in(browser, live_server, "rita")
    rita.goto(f"{live_server.url}/pensions/benefits/{pension.pk}/")
    with rita.expect_navigation():
        rita.click("button[name=action][value=forward]")
    carol = log_in(browser, live_server, county_officer.username)
    carol.goto(f"{live_server.url}/pensions/benefits/{pension.pk}/")
    calculation = carol.text_content("[data-testid=calc-card]")
    with carol.expect_navigation():
        carol.click("button[name=action][value=approve]")
    pension.refresh_from_db()
    assert pension.state == PensionState.PAYING
    assert pension.first_month == first_month
    # The calculation shown: the account ÷ 139, to the fen, plus the basic pension in force.
    assert pension.account_part == (pension.account_balance / 139).quantize(Decimal("0.01"))
    assert pension.total == pension.basic + pension.account_part
    assert f"{pension.account_part:.2f}" in calculation and f"{pension.total:.2f}" in calculation
    alice_phone = log_in(browser, live_server, "alice", viewport=PHONE)
    alice_phone.goto(f"{live_server.url}/pensions/benefits/{pension.pk}/")
    assert "÷ 139" in alice_phone.text_content("[data-testid=calculation]")
    screenshot(alice_phone, "pensions-pension-390")
    benefits_services.make_roll(actor=county_officer, county_code="441602", month=first_month,
                                today=first_month + datetime.timedelta(days=2))

    # 4. The county runs the year's certification in the next month; she is not certified in time.
    opens_on = add_months(first_month, 1)
    closes_on = opens_on + datetime.timedelta(days=9)
    carol.goto(f"{live_server.url}/pensions/certification/new/")
    carol.fill("[data-testid=certification-campaign-form] input[name=year]", str(opens_on.year))
    carol.fill("input[name=opens_on]", opens_on.isoformat())
    carol.fill("input[name=closes_on]", closes_on.isoformat())
    with carol.expect_navigation():
        carol.click("button:has-text('启动认证')")
    campaign_page = carol.url
    assert "/pensions/certification/" in campaign_page and campaign_page.rstrip("/").split("/")[-1].isdigit()
    # The window's last day: the suspension is not offered yet. The day after, it is.
    _move_clock(clock, closes_on)
    carol = log_in(browser, live_server, county_officer.username)
    carol.goto(campaign_page)
    assert carol.locator("[data-testid=suspend-form]").count() == 0
    _move_clock(clock, closes_on + datetime.timedelta(days=1))
    carol = log_in(browser, live_server, county_officer.username)
    carol.goto(campaign_page)
    carol.once("dialog", lambda dialog: dialog.accept())
    with carol.expect_navigation():
        carol.click("[data-testid=suspend-form] >> button")
    pension.refresh_from_db()
    suspended_from = add_months(opens_on, 1)
    assert (pension.state, pension.suspended_from) == (PensionState.SUSPENDED, suspended_from)

    # Two months' rolls go by while she is suspended: paid up to the suspension, not after.
    for month in (opens_on, suspended_from, add_months(suspended_from, 1)):
        benefits_services.make_roll(actor=county_officer, county_code="441602", month=month,
                                    today=add_months(suspended_from, 1) + datetime.timedelta(days=5))
    regular = set(PensionPayment.objects.filter(pension=pension, kind=PaymentKind.REGULAR)
                  .values_list("month", flat=True))
    assert regular == {first_month, opens_on}

    # 5. She comes to the village office: certified at the window, her pension resumes with the months missed.
    _move_clock(clock, add_months(suspended_from, 1) + datetime.timedelta(days=5))
    alice = log_in(browser, live_server, "alice")
    alice.goto(f"{live_server.url}/pensions/certification/people/")
    row = alice.locator(f"[data-testid=certification-people] tr:has-text('{person.name}')")
    row.locator("summary").click()
    row.locator("select[name=method]").select_option("window")
    with alice.expect_navigation():
        row.locator("button:has-text('确认认证')").click()
    pension.refresh_from_db()
    assert pension.state == PensionState.PAYING
    back_pay = PensionPayment.objects.filter(pension=pension, kind=PaymentKind.BACK_PAY)
    assert sorted(back_pay.values_list("month", flat=True)) == [suspended_from, add_months(suspended_from, 1)]
    assert all(payment.amount == monthly_amount(pension, payment.month) for payment in back_pay)
    alice.goto(f"{live_server.url}/pensions/benefits/{pension.pk}/")
    assert alice.text_content("[data-testid=payments]").count("补发") == 2
    screenshot(alice, "pensions-resumed-1366")
