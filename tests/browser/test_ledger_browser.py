import openpyxl
import pytest

from tests.browser.test_workbench_browser import log_in
from tests.residents.test_import_ledger import GOOD_ROWS, HEADER

pytestmark = pytest.mark.browser


def test_a_village_assistant_uploads_a_ledger_with_bad_rows_and_downloads_the_report(
        transactional_db, live_server, browser, heyuan, village_assistant, screenshot, tmp_path, settings):
    settings.HRSS_IMPORT_DIR = tmp_path / "uploads"
    workbook = openpyxl.Workbook()
    workbook.active.append(["下城社区劳动力资源台账"])  # village spreadsheets carry a title above the table
    workbook.active.append(HEADER)
    for row in GOOD_ROWS:
        workbook.active.append(row)
    workbook.active.append(["44162119800101", "短号", "户主", "", "农业", "初中", "务农", ""])
    workbook.active.append([GOOD_ROWS[1][0], "重复", "配偶", GOOD_ROWS[0][0], "农业", "小学", "务农", ""])
    path = tmp_path / "下城社区劳动力台账.xlsx"
    workbook.save(path)

    page = log_in(browser, live_server, "alice")
    page.click("text=劳动力台账")
    page.click("text=导入表格")
    page.set_input_files("input[type=file]", str(path))
    page.select_option("select[name=village_code]", "441602001003")
    page.click("text=上传并导入")
    page.wait_for_selector("[data-testid=import-status][data-status=done]")
    screenshot(page, "import-result")
    assert page.text_content("[data-testid=created]") == "3"
    assert "共 5 行" in page.text_content("body")
    assert "表头在第2行；上面的第1行不是表头，已跳过。" in page.text_content("body")
    assert page.text_content("[data-testid=rejected]") == "2"
    rows = page.locator("[data-testid=rejected-rows] tbody tr").all_text_contents()
    assert any("应为18位" in row for row in rows) and any("与第4行的公民身份号码重复" in row for row in rows)

    with page.expect_download() as download_info:
        page.click("[data-testid=download-errors]")
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    report = openpyxl.load_workbook(saved).active
    assert [cell.value for cell in report[1]] == ["行号", "列", "原因"]
    assert sorted(report.cell(row, 1).value for row in (2, 3)) == [6, 7]

    page.click("text=劳动力台账")
    assert "张三" in page.text_content("[data-testid=ledger-table]")
    page.click("text=张三")
    screenshot(page, "person-detail")
    assert "转移就业（省外）" in page.text_content("[data-testid=current-status]")
    page.fill("input[name=reason]", "核对身份")
    page.click("text=查看完整号码")
    page.wait_for_selector("[data-testid=full-id]")
    assert page.text_content("[data-testid=full-id]") == GOOD_ROWS[0][0]


def test_a_city_administrator_drills_down_from_city_statistics_to_a_person(
        transactional_db, live_server, browser, heyuan, village_assistant, city_admin, screenshot):
    from hrss.residents.demo import generate_population

    generate_population(people=3000, seed=7)
    page = log_in(browser, live_server, "cindy")
    page.click("text=统计")
    page.wait_for_selector("#pyramid canvas")
    screenshot(page, "city-statistics")
    county_row = page.locator("[data-testid=child-counts] tr", has_text="源城区")
    unemployed_in_county = int(county_row.locator("td").nth(2).text_content())
    assert unemployed_in_county > 0
    county_row.locator("a").click()
    unemployed_link = page.locator("[data-testid=status-counts] tr", has_text="失业").locator("a")
    assert int(unemployed_link.text_content()) == unemployed_in_county
    unemployed_link.click()
    rows = page.locator("[data-testid=ledger-table] tbody tr")
    assert rows.count() == min(unemployed_in_county, 50)
    assert all("失业" in text for text in rows.all_text_contents())
    rows.first.locator("a").click()
    assert page.text_content("[data-testid=current-status]") == "失业"
