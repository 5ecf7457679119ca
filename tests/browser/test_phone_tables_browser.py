"""On a 390 px phone the ledger and the monthly report keep names and dates on one line (the table scrolls
sideways) instead of breaking them after every character."""

import datetime

import pytest

from hrss.employment import employment_registration
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.browser.test_workbench_browser import log_in
from tests.conftest import CITY, TODAY, VILLAGE
from tests.residents.factories import make_id_number

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}

# The number of lines a cell's text takes: its height over its line height.
LINES = """cell => { const range = document.createRange(); range.selectNodeContents(cell);
  const height = range.getBoundingClientRect().height; const line = parseFloat(getComputedStyle(cell).lineHeight);
  return Math.round(height / line); }"""


def lines(page, selector):
    return page.eval_on_selector_all(selector, f"cells => cells.map({LINES})")


@pytest.fixture
def hired(heyuan, city_admin, village_assistant):
    person = residents_services.register_person(
        actor=village_assistant, id_number=make_id_number(birth=datetime.date(1990, 5, 1), sequence=11),
        name="欧阳晓明", village=heyuan[VILLAGE], status=LabourStatus.UNEMPLOYED,
        status_since=TODAY - datetime.timedelta(days=60))[0]
    return employment_registration.register_employment(
        actor=city_admin, person=person, kind="hired", event_date=TODAY - datetime.timedelta(days=5),
        employer_name="河源市源城区某某电子科技有限公司")


def test_the_employment_ledger_on_a_phone(transactional_db, live_server, browser, heyuan, city_admin, hired,
                                          screenshot):
    page = log_in(browser, live_server, "cindy", viewport=PHONE)
    page.goto(f"{live_server.url}/employment/ledgers/employment/?region={CITY}")
    screenshot(page, "employment-ledger-phone")
    assert "phone" not in page.text_content("main")  # the template's comment stays a comment
    row = "[data-testid=ledger] tbody tr:first-child td"
    assert page.text_content(f"{row}:nth-child(1)").strip() == "欧阳晓明"
    name, number, place, kind, employer, event, registered = lines(page, row)[:7]
    assert (name, number, place, kind, event, registered) == (1, 1, 1, 1, 1, 1)
    assert employer <= 2  # wraps at a readable width, not a character a line
    desktop = log_in(browser, live_server, "cindy", viewport={"width": 1280, "height": 800})
    desktop.goto(f"{live_server.url}/employment/ledgers/employment/?region={CITY}")
    screenshot(desktop, "employment-ledger-desktop")
    assert lines(desktop, row)[:7] == [1, 1, 1, 1, 1, 1, 1]


def test_the_city_monthly_report_on_a_phone(transactional_db, live_server, browser, heyuan, city_admin, hired,
                                            screenshot):
    page = log_in(browser, live_server, "cindy", viewport=PHONE)
    page.goto(f"{live_server.url}/employment/ledgers/?region={CITY}")
    screenshot(page, "monthly-report-phone")
    names = lines(page, "[data-testid=children-figures] tbody td:first-child")
    assert len(names) >= 5 and set(names) == {1}  # 源城区, 东源县, ... each on one line
    headings = lines(page, "[data-testid=children-figures] thead th")
    assert max(headings) <= 3
