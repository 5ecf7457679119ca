"""Issue 11's "Done when": an officer registers an employer and a vacancy, a seeker gets matched, is referred, is
hired, and the employment registration and KPI 1 follow."""

import datetime

import pytest

from hrss.core.workdays import add_working_days, load_seed
from hrss.employment.models import EmploymentRegistration
from hrss.jobservices.codes import complete_uscc
from hrss.jobservices.models import Referral, Vacancy
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.browser.test_workbench_browser import log_in
from tests.conftest import TODAY, VILLAGE
from tests.residents.factories import make_id_number

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_an_employer_a_vacancy_a_matched_seeker_referred_and_hired(
        transactional_db, live_server, browser, heyuan, township_officer, screenshot):
    load_seed()  # a transactional test empties the tables the migration seeded
    person = residents_services.register_person(
        actor=None, id_number=make_id_number(birth=datetime.date(1990, 5, 1), sequence=11), name="张三",
        village=heyuan[VILLAGE], status=LabourStatus.FARMING)[0]
    uscc = complete_uscc("91441602MA4W90010")

    # The township officer registers the employer and its vacancy.
    tina = log_in(browser, live_server, "tina")
    tina.goto(f"{live_server.url}/jobservices/")
    tina.click("[data-testid=jobservices-links] >> text=推荐记录台账")  # the hub has the referrals part's links
    tina.goto(f"{live_server.url}/jobservices/employers/")
    tina.click("text=登记用人单位")
    tina.fill("#id_name", "河源市下城推荐测试超市有限公司")
    tina.fill("#id_uscc", uscc)
    tina.fill("#id_region", VILLAGE)
    with tina.expect_navigation():  # the next page, not the one the click left
        tina.click("[data-testid=employer-form] >> button:has-text('保存')")
    tina.click("text=登记岗位空缺")
    tina.fill("#id_title", "收银员")
    tina.fill("#id_occupation", "4-01-02-04")
    tina.fill("#id_headcount", "2")
    tina.fill("#id_opens_on", TODAY.isoformat())
    tina.wait_for_load_state("networkidle")  # the occupation box's suggestions (htmx) have come back
    with tina.expect_navigation():  # the next page, not the one the click left
        tina.click("[data-testid=vacancy-form] >> button:has-text('保存')")
    # The vacancy's own page, or the form again with what to fix (shown if this fails).
    assert "已登记岗位" in tina.text_content("body"), tina.inner_text("main")
    vacancy = Vacancy.objects.get(title="收银员")
    assert vacancy.employer.uscc == uscc and vacancy.status == "open"

    # 张三 registers as looking for any suitable work (不挑不拣); the vacancy is among his matches.
    tina.goto(f"{live_server.url}/residents/{person.pk}/")
    tina.click("[data-testid=seeker-panel] a.btn")
    tina.fill("#id_occupations", "4-01-02-04")
    tina.check("#id_not_selective")
    with tina.expect_navigation():  # the next page, not the one the click left
        tina.click("form >> button:has-text('保存')")
    matches = tina.locator("[data-testid=matches] li", has_text="收银员")
    assert "合适" in matches.text_content()
    screenshot(tina, "jobservices-seeker-matches-1280")

    # Referred: the match and its reasons, then the letter.
    with tina.expect_navigation():  # the next page, not the one the click left
        matches.locator("a.btn", has_text="推荐").click()
    assert "合适岗位" in tina.text_content("[data-testid=refer-match]")
    screenshot(tina, "jobservices-refer-1280")
    with tina.expect_navigation():  # the next page, not the one the click left
        tina.click("[data-testid=refer-confirm]")
    referral = Referral.objects.get()
    assert referral.suitable and referral.number.startswith(f"TJ441602{TODAY.year}")
    assert referral.due_on == add_working_days(TODAY, 10)
    assert referral.number in tina.text_content("h1")
    letter = tina.request.get(f"{live_server.url}{tina.get_attribute('[data-testid=referral-letter]', 'href')}")
    assert letter.headers["content-type"] == "application/pdf" and b"WenQuanYiMicroHei" in letter.body()

    # Hired: the outcome recorded on the referral's page.
    tina.select_option("#id_outcome", "hired")
    tina.fill("#id_outcome_on", TODAY.isoformat())
    tina.fill("#id_note", "单位回执：已录用")
    screenshot(tina, "jobservices-referral-outcome-1280")
    with tina.expect_navigation():  # the next page, not the one the click left
        tina.click("[data-testid=outcome-save]")
    assert "已录用" in tina.text_content("[data-testid=referral-outcome]")
    assert "已办理就业登记" in tina.text_content("[data-testid=referral-outcome]")

    # The employment registration follows: on the employment ledger and the person's page.
    registration = EmploymentRegistration.objects.get(person=person)
    assert (registration.kind, registration.employer_code, registration.event_date) == ("hired", uscc, TODAY)
    tina.goto(f"{live_server.url}/employment/ledgers/employment/")
    assert "张三" in tina.text_content("[data-testid=ledger]")
    assert "河源市下城推荐测试超市有限公司" in tina.text_content("[data-testid=ledger]")
    tina.goto(f"{live_server.url}/residents/{person.pk}/")
    assert "已结束" in tina.text_content("[data-testid=seeker-panel]")
    screenshot(tina, "jobservices-person-1280")

    # KPI 1 follows: 张三 was offered a suitable job on his registration day, on time.
    tina.goto(f"{live_server.url}/jobservices/referrals/kpi/?region={VILLAGE}&month={TODAY:%Y-%m}")
    assert tina.text_content("[data-testid=kpi1-on_time]").strip() == "1"
    assert tina.text_content("[data-testid=kpi1-rate]").strip() == "100.0%"
    with tina.expect_navigation():  # the next page, not the one the click left
        tina.click("[data-testid=kpi1-on_time]")
    assert "张三" in tina.text_content("[data-testid=kpi1-people]")
    screenshot(tina, "jobservices-kpi-1280")

    # The same pages on a phone.
    phone = log_in(browser, live_server, "tina", viewport=PHONE)
    for name, path in (("refer", f"/jobservices/referrals/new/?seeker={referral.seeker_id}&vacancy={vacancy.pk}"),
                       ("referral", f"/jobservices/referrals/{referral.pk}/"),
                       ("ledger", "/jobservices/referrals/"),
                       ("kpi", f"/jobservices/referrals/kpi/?region={VILLAGE}&month={TODAY:%Y-%m}")):
        phone.goto(f"{live_server.url}{path}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1, name
        screenshot(phone, f"jobservices-{name}-390")
