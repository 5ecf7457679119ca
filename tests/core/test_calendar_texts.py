"""The calendar page names its source as the people know it, and tells village staff whom to ask for a missing year
(not a server command)."""

import pytest

from hrss.core.permissions import Role
from tests.conftest import VILLAGE, login

pytestmark = pytest.mark.usefixtures("calendar_as_seeded_in_2026")


def test_the_seeded_years_name_the_state_councils_arrangement(client, village_assistant):
    body = login(client, village_assistant).get("/calendar/").content.decode()
    assert "国务院办公厅节假日安排（2004–2026年，系统预置）" in body
    assert "chinesecalendar" not in body


def test_a_missing_year_tells_village_staff_whom_to_ask(client, make_user, clock):
    clock.move_to("2026-11-30T09:00:00+08:00")
    assistant = make_user("alice", VILLAGE, Role.VILLAGE_ASSISTANT)
    client = login(client, assistant)
    body = client.get("/calendar/").content.decode()
    assert "请联系市级系统管理员在本页导入" in body
    body = client.get("/calendar/", {"start": "2026-12-25", "count": "10"}).content.decode()
    assert "尚未录入2027年的节假日安排" in body and "请联系市级系统管理员" in body
    assert "hrss holidays" not in body
