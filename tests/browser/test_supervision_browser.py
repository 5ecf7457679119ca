"""Issue 14's "Done when": a wage complaint at the village becomes an inspection case at the county, is concluded with
the amount recovered, the worker rates the service from the receipt's code, and the office's monthly appraisal counts
it. Every step through the pages, as each user does it; the worker rates on a phone without logging in."""

import pytest

from hrss.core import workdays
from hrss.core.models import Level
from hrss.supervision.models import InspectionCase, Petition, Rating
from hrss.supervision.permissions import LABOUR_INSPECTOR
from tests.browser.test_workbench_browser import log_in
from tests.conftest import COUNTY, TODAY

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _submit(page, testid, button):
    with page.expect_navigation():
        page.click(f"[data-testid={testid}] button:has-text('{button}')")


def test_a_wage_complaint_from_the_village_is_recovered_by_the_county_rated_and_appraised(
        transactional_db, live_server, browser, heyuan, village_assistant, township_officer, county_officer,
        make_user, screenshot):
    workdays.load_seed()  # a transactional test empties the tables the migration seeded
    make_user("ivan", COUNTY, LABOUR_INSPECTOR)
    day = TODAY.isoformat()

    # 1. The worker comes to the village office: the assistant records the wage petition and passes it up.
    alice = log_in(browser, live_server, "alice")
    alice.goto(f"{live_server.url}/supervision/petitions/new/")
    alice.select_option("select[name=channel]", "visit")
    alice.select_option("select[name=category]", "wages")
    alice.fill("input[name=petitioner_name]", "陈志强")
    alice.fill("input[name=petitioner_phone]", "13800001111")
    alice.fill("input[name=subject]", "东埔建筑劳务公司拖欠3个月工资")
    alice.fill("textarea[name=summary]", "在工地做泥水工，8月至10月工资共13900元未发。")
    alice.fill("input[name=employer_name]", "河源市东埔建筑劳务有限公司")
    alice.fill("input[name=amount_claimed]", "13900")
    screenshot(alice, "supervision-petition-intake-1366")
    with alice.expect_navigation():
        alice.click("main form button[type=submit], main form button:not([type])")
    petition = Petition.objects.get(petitioner_name="陈志强")
    assert petition.received_by == village_assistant and petition.region_code == village_assistant.region.code
    alice.select_option("[data-testid=petition-forward-form] select[name=level]", str(int(Level.TOWNSHIP)))
    _submit(alice, "petition-forward-form", "上报")
    petition.refresh_from_db()
    assert petition.region_code == township_officer.region.code

    # 2. The township passes it to the county's labour inspection.
    tina = log_in(browser, live_server, "tina")
    tina.goto(f"{live_server.url}/supervision/petitions/{petition.pk}/")
    tina.check("[data-testid=petition-inspection-form] input[name=confirm]")
    _submit(tina, "petition-inspection-form", "转劳动保障监察")
    case = InspectionCase.objects.get(petition=petition)
    assert "陈志强" in tina.text_content("[data-testid=petition-history]") or case.number in tina.text_content("main")

    # 3. The county's inspector accepts, opens the case, records the wages recovered and concludes it.
    ivan = log_in(browser, live_server, "ivan")
    ivan.goto(f"{live_server.url}/supervision/inspection/{case.pk}/")
    assert "陈志强" in ivan.text_content("[data-testid=inspection-workers]")
    ivan.fill("[data-testid=inspection-accept-form] input[name=on]", day)
    _submit(ivan, "inspection-accept-form", "受理")
    ivan.fill("[data-testid=inspection-open-form] input[name=on]", day)
    _submit(ivan, "inspection-open-form", "立案")
    ivan.fill("[data-testid=inspection-recovery-form] input[name=amount_recovered]", "13900")
    with ivan.expect_navigation():
        ivan.click("[data-testid=inspection-recovery-form] button")
    ivan.fill("[data-testid=inspection-conclude-form] input[name=on]", day)
    ivan.fill("[data-testid=inspection-conclude-form] textarea[name=result]", "责令支付，单位已全额支付拖欠工资。")
    _submit(ivan, "inspection-conclude-form", "结案")
    case.refresh_from_db()
    assert case.state == "concluded" and case.amount_recovered == 13900
    assert "13,900.00" in ivan.text_content("[data-testid=amount-recovered]")
    with ivan.expect_navigation():
        ivan.click("[data-testid=inspection-receipt-link]")
    screenshot(ivan, "supervision-inspection-receipt-1366")
    assert "13,900.00" in ivan.text_content("[data-testid=receipt-recovered]")
    printed = ivan.text_content("[data-testid=rating-code-value]").strip()  # ABCD-EFGH, as typed by the worker
    code = printed.replace("-", "")
    assert ivan.locator("[data-testid=rating-code] svg").count() == 1  # the QR
    assert "/supervision/rate/" in ivan.text_content("[data-testid=rating-url]")

    # 4. The worker rates the service on a phone from the receipt's code, without logging in.
    worker = browser.new_context(viewport=PHONE, locale="zh-CN").new_page()
    worker.goto(f"{live_server.url}/supervision/rate/")
    worker.fill("[data-testid=code-form] input[name=code]", printed)
    with worker.expect_navigation():
        worker.click("[data-testid=code-form] button")
    # The form says nothing of the service before a rating is made (so nobody learns whether a code was used).
    assert worker.text_content("[data-testid=rate-code]").strip() == printed
    worker.check("[data-testid=rate-form] input[name=score][value='5']")
    screenshot(worker, "supervision-rate-390")
    with worker.expect_navigation():
        worker.click("[data-testid=rate-form] button:has-text('提交评价')")
    assert worker.locator("[data-testid=rate-done]").is_visible()
    assert "劳动保障监察" in worker.text_content("[data-testid=rate-done]")  # the thanks name the service rated
    assert worker.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    rating = Rating.objects.get(code__code=code)
    assert rating.score == 5

    # 5. The county's office appraisal for the month counts the concluded case and its rating.
    carl = log_in(browser, live_server, "carl")
    carl.goto(f"{live_server.url}/supervision/appraisal/?region={COUNTY}&month={TODAY:%Y-%m}")
    screenshot(carl, "supervision-appraisal-1366")
    cells = [cell.strip() for cell in carl.locator(f"[data-testid=appraisal-office-{COUNTY}] td").all_text_contents()]
    handled, timed, on_time, late, _share, ratings, average = cells[2:9]
    assert (handled, timed, on_time, late, ratings, average) == ("1", "1", "1", "0", "1", "5.00")
