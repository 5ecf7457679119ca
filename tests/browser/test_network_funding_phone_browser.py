"""建设资金 on a 390 px phone: a county's page shows each office as a card (sources, balance, match) with the 30%
warning, and the office's lines, without the page scrolling sideways."""

import datetime
from decimal import Decimal

import pytest

from hrss.network.funding import services
from tests.browser.test_workbench_browser import log_in
from tests.conftest import COUNTY, TODAY, TOWNSHIP

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def test_a_countys_funding_reads_on_a_phone(transactional_db, live_server, browser, heyuan, county_officer,
                                            city_admin, screenshot):
    township = heyuan[TOWNSHIP]
    day = TODAY - datetime.timedelta(days=3)
    services.record_allocation(actor=city_admin, region=township, source="province", amount=Decimal("1234567.89"),
                               document_number="粤财社〔2011〕188号", allocated_on=day, today=TODAY)
    services.record_allocation(actor=county_officer, region=township, source="county", amount=Decimal("200000"),
                               document_number="源财社〔2011〕26号", allocated_on=day, today=TODAY)
    services.record_disbursement(actor=county_officer, region=township, source="province", purpose="equipment",
                                 amount=Decimal("345678.90"), document_number="源财社〔2011〕31号",
                                 disbursed_on=day, today=TODAY)
    page = log_in(browser, live_server, county_officer.username, viewport=PHONE)
    page.goto(f"{live_server.url}/network/funds/?region={COUNTY}")
    screenshot(page, "funding-county-390")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.locator("[data-testid=funding-match-warning]").is_visible()
    card = page.locator("[data-testid=funding-cards] li").first
    assert card.is_visible() and "余额 888,888.99" in card.text_content()
    assert not page.locator("[data-testid=funding-rows]").is_visible()  # the wide table is for wider screens
    page.goto(f"{live_server.url}/network/funds/offices/{TOWNSHIP}/")
    screenshot(page, "funding-office-390")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert "888,888.99" in page.text_content("[data-testid=balance-province]")
