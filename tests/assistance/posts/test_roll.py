"""The monthly roll (月度补贴发放花名册) of a region: each placement subsidised on a day of the month, the person's
masked ID, unit, post, months used, the two subsidies and their total, the sums; the same in its .xlsx. A
neighbouring village's roll does not list them."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from hrss.assistance.posts import services
from hrss.core.dates import add_months, month_end
from tests.assistance.posts.conftest import make_post, recognise, register
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE, login

LAST_MONTH = add_months(TODAY.replace(day=1), -1)


@pytest.fixture
def placed(heyuan, village_assistant, person):
    """Two people in full months of a post paying 1720 + 750 a month."""
    post = make_post(village_assistant, post_subsidy=Decimal(1720), insurance_subsidy=Decimal(750))
    other = register(village_assistant, "吴第三", serial=21)
    recognise(other, village_assistant, recognised_on=LAST_MONTH - datetime.timedelta(days=30))
    from hrss.assistance.models import Recognition

    Recognition.objects.filter(person=person).update(recognised_on=LAST_MONTH - datetime.timedelta(days=30))
    return [services.place_person(actor=village_assistant, post=post, person=someone, started_on=LAST_MONTH)
            for someone in (person, other)]


def test_the_roll_page_lists_each_person_with_sums(client, village_assistant, placed):
    login(client, village_assistant)
    month = f"{LAST_MONTH:%Y-%m}"
    page = client.get("/assistance/posts/roll/", {"region": VILLAGE, "month": month}).content.decode()
    assert "李援助" in page and "吴第三" in page
    assert placed[0].person.masked_id_number in page and placed[0].person.id_number not in page
    assert "合计 2 人" in page and "4,940.00" in page  # (1720 + 750) x 2, thousands grouped


def test_the_roll_export_has_the_rows_and_a_sum_row(client, village_assistant, placed):
    login(client, village_assistant)
    response = client.get("/assistance/posts/roll.xlsx", {"region": VILLAGE, "month": f"{LAST_MONTH:%Y-%m}"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][2] == "姓名" and {rows[1][2], rows[2][2]} == {"李援助", "吴第三"}
    days = month_end(LAST_MONTH.year, LAST_MONTH.month).day
    assert rows[1][8] == f"{days}/{days}" and rows[1][9] == 1
    assert rows[1][10:13] == [1720, 750, 2470]
    assert rows[3][0] == "合计" and rows[3][10:13] == [3440, 1500, 4940]
    assert rows[0][13] == "签名" and not rows[1][13]  # left empty for the payee's signature on paper


def test_the_roll_export_keeps_the_ids_masked(client, village_assistant, placed):
    login(client, village_assistant)
    response = client.get("/assistance/posts/roll.xlsx", {"region": VILLAGE, "month": f"{LAST_MONTH:%Y-%m}"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    ids = {row[3] for row in sheet.iter_rows(min_row=2, max_row=3, values_only=True)}
    assert ids == {placement.person.masked_id_number for placement in placed}


def test_a_neighbour_village_sees_nobody(client, neighbour_village_assistant, placed):
    login(client, neighbour_village_assistant)
    page = client.get("/assistance/posts/roll/", {"month": f"{LAST_MONTH:%Y-%m}"}).content.decode()
    assert "李援助" not in page and "合计 0 人" in page
    assert client.get("/assistance/posts/roll/", {"region": VILLAGE}).status_code == 404
    assert client.get("/assistance/posts/roll/", {"region": NEIGHBOUR_VILLAGE}).status_code == 200


@pytest.mark.parametrize("month", ["2026-13", "abc", "0001-01", "9999-12"])
def test_a_malformed_month_says_so_in_chinese(client, village_assistant, heyuan, month):
    login(client, village_assistant)
    for url in ("/assistance/posts/roll/", "/assistance/posts/roll.xlsx"):
        response = client.get(url, {"region": VILLAGE, "month": month})
        assert response.status_code == 400
        assert "月份应为 YYYY-MM 形式" in response.content.decode()
