"""职业指导台账: the records of a region's people as a page and an .xlsx (ID numbers masked), and what the person
page's panel shows."""

import io

import openpyxl
import pytest

from hrss.jobservices.guidance import services
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE, login


@pytest.fixture
def records(village_assistant, neighbour_village_assistant, person, neighbour):
    services.record_guidance(actor=village_assistant, person=person, given_on=TODAY, topic="start_up",
                             advice="讲解创业担保贷款申请条件", next_step="start_up", today=TODAY)
    services.record_guidance(actor=neighbour_village_assistant, person=neighbour, given_on=TODAY, topic="policy",
                             advice="公园社区的指导", next_step="none", today=TODAY)


def test_the_village_ledger_lists_its_own_people_only(client, village_assistant, records):
    page = login(client, village_assistant).get("/jobservices/guidance/").content.decode()
    assert "张三" in page and "创业指导" in page and "李四" not in page


def test_the_township_ledger_lists_both_villages_and_narrows_to_one(client, township_officer, records):
    login(client, township_officer)
    page = client.get("/jobservices/guidance/", {"region": TOWNSHIP}).content.decode()
    assert "张三" in page and "李四" in page
    page = client.get("/jobservices/guidance/", {"region": NEIGHBOUR_VILLAGE}).content.decode()
    assert "张三" not in page and "李四" in page


def test_the_xlsx_has_one_row_a_record_with_the_id_number_masked(client, township_officer, person, records):
    response = login(client, township_officer).get("/jobservices/guidance/export/", {"region": TOWNSHIP})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("姓名", "公民身份号码", "村(社区)", "村(社区)代码", "指导日期")
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"张三", "李四"}
    assert by_name["张三"][3] == VILLAGE and by_name["张三"][5] == "创业指导"
    assert person.id_number not in by_name["张三"][1] and "*" in by_name["张三"][1]


def test_the_person_panel_is_empty_for_nobody_and_hides_fairs_the_user_does_not_see(
        client, village_assistant, township_officer, person):
    fair = services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="街道秋季招聘会", held_on=TODAY,
                              today=TODAY)
    services.record_attendance(actor=township_officer, fair=fair, person=person, today=TODAY)
    assert "街道秋季招聘会" in login(client, township_officer).get(f"/residents/{person.pk}/").content.decode()
    page = login(client, village_assistant).get(f"/residents/{person.pk}/").content.decode()
    assert 'data-testid="guidance"' in page and "街道秋季招聘会" not in page


def test_the_township_page_counts_records_and_people_per_village_with_a_link_down(
        client, township_officer, village_assistant, person, records):
    services.record_guidance(actor=village_assistant, person=person, given_on=TODAY, topic="policy",
                             advice="第二次指导", next_step="none", today=TODAY)
    page = login(client, township_officer).get("/jobservices/guidance/", {"region": TOWNSHIP}).content.decode()
    table = page.split('data-testid="guidance-by-region"')[1].split("</table>")[0]
    assert f'<a href="?region={VILLAGE}">下城社区</a></td><td>2</td><td>1</td>' in table
    assert f'<a href="?region={NEIGHBOUR_VILLAGE}">公园社区</a></td><td>1</td><td>1</td>' in table


def test_the_statistics_page_counts_this_years_guidance_and_fairs(client, township_officer, records):
    services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="已举办", held_on=TODAY, today=TODAY)
    services.plan_fair(actor=township_officer, region_code=TOWNSHIP, name="未举办", held_on=TODAY + TODAY.resolution,
                       today=TODAY)
    page = login(client, township_officer).get("/residents/statistics/", {"region": TOWNSHIP}).content.decode()
    panel = page.split('data-testid="guidance-figures"')[1].split("</div></div>")[0]
    assert "2 次 · 2 人" in panel and "1 场" in panel
    village = login(client, township_officer).get("/residents/statistics/", {"region": VILLAGE}).content.decode()
    assert "1 次 · 1 人" in village.split('data-testid="guidance-figures"')[1]
