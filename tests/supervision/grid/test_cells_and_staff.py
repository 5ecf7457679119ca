"""A grid cell is made on demand for a village or a township; its 网格员 are set and removed by the township (or the
county), never by the village, and an account linked to one must be of the cell's own office."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.supervision.grid import services
from hrss.supervision.models import GridCell, GridStaff
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.supervision.grid.conftest import region


def test_a_cell_is_made_when_its_page_is_first_opened_and_only_once(heyuan, village_assistant):
    assert not GridCell.objects.exists()
    client = Client()
    client.force_login(village_assistant)
    assert client.get("/supervision/grid/").status_code == 200
    assert client.get("/supervision/grid/", {"region": VILLAGE}).status_code == 200
    assert list(GridCell.objects.values_list("region_code", flat=True)) == [VILLAGE]


def test_a_county_is_not_a_cell(heyuan, county_officer):
    with pytest.raises(ValidationError, match="不是网格"):
        services.ensure_cell(actor=county_officer, region=region(COUNTY))
    assert not GridCell.objects.exists()


def test_the_township_sets_the_village_cells_staff_with_the_assistants_account(heyuan, township_officer,
                                                                                village_assistant):
    staff = services.add_staff(actor=township_officer, region=region(VILLAGE), name="陈网格", phone="13800000001",
                               post="full_time", user=village_assistant, since=TODAY)
    assert staff.region_code == VILLAGE and staff.user == village_assistant and staff.left_on is None
    same = services.add_staff(actor=township_officer, region=region(TOWNSHIP), name="李网格长", phone="0762-3388123",
                              post="head")
    assert same.region_code == TOWNSHIP and same.since == TODAY
    assert set(GridCell.objects.values_list("region_code", flat=True)) == {VILLAGE, TOWNSHIP}


def test_the_village_does_not_set_its_own_staff(heyuan, village_assistant):
    with pytest.raises(PermissionDenied, match="网格员由乡镇\\(街道\\)"):
        services.add_staff(actor=village_assistant, region=region(VILLAGE), name="自荐", phone="13800000009", post="head")
    assert not GridStaff.objects.exists()


def test_staff_refusals_say_what_to_fix(heyuan, township_officer, neighbour_village_assistant):
    with pytest.raises(ValidationError) as refused:
        services.add_staff(actor=township_officer, region=region(VILLAGE), name="", phone="", post="boss",
                           user=neighbour_village_assistant, since=TODAY + datetime.timedelta(days=1))
    text = " ".join(refused.value.messages)
    for reason in ("请填写姓名", "请填写联系电话", "请选择职务", "晚于今天", "不属于下城社区"):
        assert reason in text


def test_the_same_account_is_not_set_twice_and_removal_keeps_the_row(heyuan, township_officer, village_assistant):
    staff = services.add_staff(actor=township_officer, region=region(VILLAGE), name="陈网格", phone="13800000009",
                               post="full_time", user=village_assistant, since=TODAY - datetime.timedelta(days=10))
    with pytest.raises(ValidationError, match="已是下城社区的网格员"):
        services.add_staff(actor=township_officer, region=region(VILLAGE), name="陈网格", phone="13800000009",
                           post="head", user=village_assistant)
    with pytest.raises(ValidationError, match="早于任职日期"):
        services.remove_staff(actor=township_officer, staff=staff, left_on=TODAY - datetime.timedelta(days=11))
    services.remove_staff(actor=township_officer, staff=staff, left_on=TODAY)
    staff.refresh_from_db()
    assert staff.left_on == TODAY
    with pytest.raises(ValidationError, match="已于.*卸任"):
        services.remove_staff(actor=township_officer, staff=staff)


def test_the_village_cannot_remove_staff_and_a_neighbour_cannot_touch_them(
        heyuan, township_officer, village_assistant, neighbour_village_assistant):
    staff = services.add_staff(actor=township_officer, region=region(VILLAGE), name="陈网格", phone="13800000009",
                               post="full_time")
    with pytest.raises(PermissionDenied, match="村\\(社区\\)不能调整"):
        services.remove_staff(actor=village_assistant, staff=staff)
    with pytest.raises(PermissionDenied):
        services.add_staff(actor=neighbour_village_assistant, region=region(VILLAGE), name="x", phone="13800000009",
                           post="head")
    client = Client()
    client.force_login(neighbour_village_assistant)
    assert client.post(f"/supervision/grid/staff/{staff.pk}/remove/", {"left_on": str(TODAY)}).status_code == 404
    assert client.get("/supervision/grid/", {"region": VILLAGE}).status_code == 404
    assert client.get("/supervision/grid/", {"region": NEIGHBOUR_VILLAGE}).status_code == 200


def test_the_cell_page_lists_staff_and_the_township_sets_them_there(heyuan, township_officer, village_assistant):
    client = Client()
    client.force_login(township_officer)
    response = client.post("/supervision/grid/staff/", {"region": VILLAGE, "name": "黄楼长", "phone": "13800000004",
                                                        "post": "part_time", "username": "alice",
                                                        "since": str(TODAY)})
    assert response.status_code == 302
    assert GridStaff.objects.get().user == village_assistant
    refused = client.post("/supervision/grid/staff/", {"region": VILLAGE, "name": "无账号", "phone": "1",
                                                       "post": "head", "username": "nobody", "since": str(TODAY)})
    assert refused.status_code == 200 and "没有用户名为“nobody”" in refused.content.decode()
    assistant = Client()
    assistant.force_login(village_assistant)
    page = assistant.get("/supervision/grid/").content.decode()
    assert "黄楼长" in page and "兼职网格员" in page and "设置网格员" not in page
    township_page = client.get("/supervision/grid/").content.decode()
    assert "下城社区" in township_page  # the township's page lists its villages' cells


@pytest.mark.parametrize("phone", ["abc", "<b>x</b>", "138 0000 abc", "12345"])
def test_a_staff_phone_that_is_no_telephone_number_is_refused(heyuan, township_officer, phone):
    """The attack test stored "<b>x</b>" and letters as a 网格员's phone: the one phone rule of supervision/inputs.py."""
    with pytest.raises(ValidationError, match="联系电话.*有误：只能填数字"):
        services.add_staff(actor=township_officer, region=region(VILLAGE), name="陈网格", phone=phone, post="member")
    assert not GridStaff.objects.exists()
