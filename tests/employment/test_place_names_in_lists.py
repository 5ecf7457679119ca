"""Lists and downloads name the village (with the township, and the county on the city's), not only its code."""

import io

import openpyxl

from tests.conftest import CITY, TOWNSHIP, login
from tests.employment.test_registration_rules import registered  # noqa: F401  (the fixture)


def test_the_citys_unemployment_ledger_says_where_each_person_is(client, registered, city_admin):  # noqa: F811
    registered()
    page = login(client, city_admin).get("/employment/ledgers/unemployment/", {"region": CITY}).content.decode()
    assert "<th>村(社区)</th>" in page and "源城区 上城街道 下城社区" in page


def test_the_drill_down_and_the_download_name_the_village(client, registered, township_officer):  # noqa: F811
    registered()
    client = login(client, township_officer)
    drill = client.get("/employment/ledgers/people/", {"region": TOWNSHIP, "figure": "registered_unemployed"})
    assert ">下城社区</td>" in drill.content.decode()
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/employment/ledgers/unemployment.xlsx").content)).active
    header, row = [cell.value for cell in sheet[1]], [cell.value for cell in sheet[2]]
    assert row[header.index("村(社区)")] == "下城社区" and row[header.index("村(社区)代码")] == "441602001003"
