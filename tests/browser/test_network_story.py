"""Issue 15's "Done when": a county inspection finds a missing window, the township records it fixed with a photo, the
county requests acceptance, the city accepts, and the map and the bulletin show the change. Every step through the
pages, as each user does it: 源城区's officer inspects 上城街道's 服务所 (every rule met but the 新农保经办 window), the
township's officer adds the window and records the item fixed on a 390 px phone with a photo carrying a GPS position
(served back without it), the county confirms and requests acceptance, the city accepts; the city's 平台总览 map table
and the month's 通报 (page, .xlsx and PDF) count the office for 源城区."""

import io

import openpyxl
import pytest
from PIL import Image

from hrss.core.models import Region
from hrss.network.models import Acceptance, Rectification
from tests.browser.test_workbench_browser import log_in
from tests.conftest import COUNTY, TODAY, TOWNSHIP
from tests.network.acceptance.conftest import record_office

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
GPS_IFD = 0x8825


def png_with_gps():
    """A small PNG as a phone would send it: an eXIf chunk with the camera's make and its GPS position."""
    exif = Image.Exif()
    exif[0x010F] = "HUAWEI"  # Make
    exif[GPS_IFD] = {1: "N", 2: (23.0, 44.0, 0.0), 3: "E", 4: (114.0, 41.0, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (48, 32), (20, 110, 200)).save(out, format="PNG", exif=exif.tobytes())
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the upload does carry a position
    return data


def _post(page, testid, button=None):
    with page.expect_navigation():
        page.click(f"[data-testid={testid}] button" + (f":has-text('{button}')" if button else ""))


def _figures(page, live_server, month):
    """源城区's figures the city sees: the map's table value (by 通过验收比例), its 已通过验收 in the acceptance table,
    and its bulletin row (八统一达标, 已通过验收)."""
    page.goto(f"{live_server.url}/network/dashboard/?metric=accepted")
    share = page.get_attribute(f"[data-testid=metric-{COUNTY}] td[data-value]", "data-value")
    states = [th.strip() for th in page.locator("[data-testid=dashboard-acceptance] thead th").all_text_contents()]
    row = page.locator("[data-testid=dashboard-acceptance] tbody tr", has_text="源城区")
    cells = [td.strip() for td in row.locator("td").all_text_contents()]
    accepted_on_dashboard = cells[states.index("已通过验收")] if "已通过验收" in states else cells[states.index("通过验收")]
    page.goto(f"{live_server.url}/network/bulletin/?month={month}")
    head = [th.strip() for th in page.locator("[data-testid=bulletin-table] thead th").all_text_contents()]
    line = page.locator("[data-testid=bulletin-row]", has_text="源城区")
    values = [td.strip() for td in line.locator("td").all_text_contents()]
    return {"share": share, "dashboard_accepted": accepted_on_dashboard,
            "meeting": values[head.index("八统一达标")], "accepted": values[head.index("已通过验收")]}


def test_an_inspection_finds_a_missing_window_fixed_accepted_and_shown_on_the_map_and_bulletin(
        transactional_db, live_server, browser, heyuan, township_officer, county_officer, city_admin, screenshot):
    # The office as the township recorded it: every rule in force met but the six windows (新农保经办 missing).
    office = record_office(township_officer, TOWNSHIP)
    day, month = TODAY.isoformat(), f"{TODAY:%Y-%m}"

    cindy = log_in(browser, live_server, "cindy")
    before = _figures(cindy, live_server, month)
    assert (before["dashboard_accepted"], before["meeting"], before["accepted"]) == ("0", "0", "0")

    # 1. 源城区's officer inspects: the checklist shows the window rule not met, the others met.
    carl = log_in(browser, live_server, "carl")
    carl.goto(f"{live_server.url}/network/inspections/")
    carl.fill("[data-testid=inspection-pick] input[name=region]", TOWNSHIP)
    carl.fill("[data-testid=inspection-pick] input[name=on]", day)
    with carl.expect_navigation():
        carl.click("[data-testid=inspection-start]")
    windows = carl.locator("[data-testid=checklist-item][data-rule=windows]")
    assert "新农保经办" in windows.text_content()
    assert windows.locator("input[value=fails]").is_checked()
    others = carl.locator("[data-testid=checklist-item]:not([data-rule=windows])")
    assert others.count() >= 5
    for index in range(others.count()):
        assert others.nth(index).locator("input[value=meets]").is_checked(), others.nth(index).text_content()
    windows.locator("[data-testid=checklist-note]").fill("缺新农保经办窗口")
    carl.fill("input[name=inspectors]", "王检查、李检查")
    screenshot(carl, "network-story-1-checklist-1366")
    with carl.expect_navigation():
        carl.click("[data-testid=inspection-save]")
    assert "1项不符合" in carl.text_content("main")
    failing = carl.locator("[data-testid=finding][data-result=fails]")
    assert failing.count() == 1 and failing.get_attribute("data-rule") == "windows"
    assert "不符合" in failing.locator("[data-testid=finding-result]").text_content()
    assert failing.locator("[data-testid=finding-rectification]").count() == 1  # the link to the item opened
    screenshot(carl, "network-story-2-inspection-1366")
    item = Rectification.objects.get(office=office)
    assert item.state == "open"

    # 2. On a phone, 上城街道's officer adds the window to the office's record, then records the item fixed with a
    #    photo from the phone's camera.
    tina = log_in(browser, live_server, "tina", viewport=PHONE)
    tina.goto(f"{live_server.url}/network/offices/{office.pk}/edit/")
    tina.select_option("[data-testid=offices-window-form] select[name=kind]", "rural_pension")
    screenshot(tina, "network-story-3-windows-390")
    _post(tina, "offices-window-form")
    tina.goto(f"{live_server.url}/network/offices/{office.pk}/")
    assert "新农保经办" in tina.text_content("[data-testid=offices-windows]")
    assert "未达标0项" in "".join(tina.text_content("[data-testid=offices-counts]").split())
    tina.goto(f"{live_server.url}/network/rectifications/{item.pk}/")
    assert "新农保经办" in tina.text_content("[data-testid=rectification-facts]")
    tina.fill("[data-testid=rectification-fix] input[name=fixed_on]", day)
    tina.fill("[data-testid=rectification-fix] textarea[name=note]", "已增设新农保经办窗口并安排专人值守。")
    tina.set_input_files("[data-testid=rectification-fix] input[name=photo]",
                         files=[{"name": "窗口.png", "mimeType": "image/png", "buffer": png_with_gps()}])
    screenshot(tina, "network-story-4-fix-390")
    for selector in ("[data-testid=rectification-fix] textarea[name=note]", "[data-testid=rectification-fix] button"):
        box = tina.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], selector
    _post(tina, "rectification-fix")
    assert "待县(区)确认" in tina.text_content("main")
    assert tina.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(tina, "network-story-5-fixed-390")
    item.refresh_from_db()
    assert item.state == "fixed" and item.photo_id
    served = tina.request.get(f"{live_server.url}/network/offices/photos/{item.photo_id}/")
    assert served.status == 200 and served.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(served.body()))
    assert image.size == (48, 32)
    assert not image.getexif().get_ifd(GPS_IFD) and b"HUAWEI" not in served.body()

    # 3. The county sees the photo, confirms the fix and requests the city's acceptance.
    carl.goto(f"{live_server.url}/network/rectifications/{item.pk}/")
    assert carl.locator("[data-testid=rectification-photo] img").evaluate("img => img.naturalWidth") == 48
    _post(carl, "rectification-confirm")
    assert "已确认整改" in carl.text_content("main")
    item.refresh_from_db()
    assert item.state == "confirmed"
    carl.goto(f"{live_server.url}/network/acceptances/office/?region={TOWNSHIP}")
    assert carl.locator("[data-testid=acceptance-ready]").is_visible()
    carl.fill("[data-testid=acceptance-request] textarea[name=note]", "整改已完成，申请市验收。")
    screenshot(carl, "network-story-6-request-1366")
    _post(carl, "acceptance-request")
    assert "待市验收" in carl.text_content("main")
    acceptance = Acceptance.objects.get(office=office)

    # 4. The city administrator finds it in the queue and accepts it.
    cindy.goto(f"{live_server.url}/network/acceptances/?state=requested")
    with cindy.expect_navigation():
        cindy.click(f"a[href='/network/acceptances/{acceptance.pk}/']")
    assert not cindy.locator("[data-testid=acceptance-failing]").count()
    cindy.check("[data-testid=acceptance-decide] input[name=decision][value=accept]")
    screenshot(cindy, "network-story-7-decide-1366")
    _post(cindy, "acceptance-decide")
    assert "已验收通过" in cindy.text_content("main")
    assert cindy.text_content("[data-testid=acceptance-accepted-on]").strip() == day
    acceptance.refresh_from_db()
    assert acceptance.state == "accepted" and acceptance.accepted_on == TODAY

    # 5. The map's table and the month's bulletin count the office for 源城区: one more accepted, one more meeting
    #    every rule.
    after = _figures(cindy, live_server, month)
    assert (after["dashboard_accepted"], after["meeting"], after["accepted"]) == ("1", "1", "1")
    offices_in_county = Region.objects.filter(code__startswith=COUNTY[:6], level__in=[4, 5], is_active=True).count()
    assert float(before["share"]) == 0.0
    assert float(after["share"]) == round(100 / offices_in_county, 1)
    cindy.goto(f"{live_server.url}/network/dashboard/?metric=accepted")
    cindy.wait_for_selector("[data-testid=dashboard-map] canvas")  # the map is drawn
    screenshot(cindy, "network-story-8-dashboard-1366")
    cindy.goto(f"{live_server.url}/network/bulletin/?month={month}")
    screenshot(cindy, "network-story-9-bulletin-1366")
    with cindy.expect_download() as download:
        cindy.click("[data-testid=bulletin-xlsx]")
    assert download.value.suggested_filename.endswith(".xlsx")
    with open(download.value.path(), "rb") as saved:
        sheet = openpyxl.load_workbook(io.BytesIO(saved.read())).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    head = next(row for row in rows if row and "已通过验收" in row)
    line = next(row for row in rows if row and "源城区" in row)
    assert (line[head.index("八统一达标")], line[head.index("已通过验收")]) == (1, 1)
    phone = log_in(browser, live_server, "cindy", viewport=PHONE)  # the same bulletin and map on a phone
    phone.goto(f"{live_server.url}/network/bulletin/?month={month}")
    assert phone.locator("[data-testid=bulletin-row]", has_text="源城区").count() == 1
    screenshot(phone, "network-story-10-bulletin-390")
    phone.goto(f"{live_server.url}/network/dashboard/?metric=accepted")
    assert phone.get_attribute(f"[data-testid=metric-{COUNTY}] td[data-value]", "data-value") == after["share"]
    screenshot(phone, "network-story-11-dashboard-390")
    printed = cindy.request.get(live_server.url + cindy.get_attribute("[data-testid=bulletin-pdf]", "href"))
    assert printed.status == 200 and printed.headers["content-type"] == "application/pdf"
    assert printed.body().startswith(b"%PDF-")
