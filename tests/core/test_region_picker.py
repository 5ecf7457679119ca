"""Regions are picked by name within the user's scope (or typed as a code), never outside it."""

from django.test import Client

from hrss.accounts.models import User
from hrss.core.models import Region, RegionEvent
from tests.conftest import NEIGHBOUR_VILLAGE, VILLAGE


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_new_account_is_placed_by_typing_the_village_name(heyuan, system_admin):
    response = logged_in(system_admin).post("/accounts/users/new/", {
        "username": "wang", "full_name": "王芳", "region": "下城社区"})
    assert "账号已开设" in response.content.decode()
    assert User.objects.get(username="wang").region.code == VILLAGE


def test_a_picked_option_carries_the_code(heyuan, system_admin):
    logged_in(system_admin).post("/accounts/users/new/", {
        "username": "wang", "full_name": "王芳", "region": f"下城社区（上城街道） {VILLAGE}"})
    assert User.objects.get(username="wang").region.code == VILLAGE


def test_a_name_held_by_several_villages_lists_them_to_choose_from(heyuan, system_admin):
    html = logged_in(system_admin).post("/accounts/users/new/", {
        "username": "wang", "full_name": "王芳", "region": "三联村"}).content.decode()
    assert "名称含“三联村”的区域不止一个" in html
    assert "三联村（古寨镇） 441624107203" in html and "三联村（合水镇） 441624109210" in html
    assert not User.objects.filter(username="wang").exists()


def test_a_region_outside_the_scope_is_not_found_by_name(heyuan, neighbour_county_system_admin):
    html = logged_in(neighbour_county_system_admin).post("/accounts/users/new/", {
        "username": "wang", "full_name": "王芳", "region": "下城社区"}).content.decode()
    assert "在您的管辖范围内没有名称为“下城社区”的区域" in html
    assert not User.objects.filter(username="wang").exists()


def test_the_options_search_names_within_the_scope_and_level(heyuan, system_admin, neighbour_county_system_admin):
    options = logged_in(system_admin).get("/regions/options/", {"q": "城", "level": "4"}).content.decode()
    assert "上城街道（源城区） 441602001000" in options and "城东街道（源城区） 441602006000" in options
    assert "下城社区" not in options  # a village, not a township
    assert "下城社区" not in logged_in(neighbour_county_system_admin).get(
        "/regions/options/", {"q": "下城"}).content.decode()


def test_the_account_form_offers_the_scope_and_shows_the_region_by_name(heyuan, make_user, village_assistant):
    from hrss.core.permissions import Role
    from tests.conftest import COUNTY

    county_admin = make_user("csam", COUNTY, Role.SYSTEM_ADMIN)
    client = logged_in(county_admin)
    new = client.get("/accounts/users/new/").content.decode()
    assert 'list="id_region-options"' in new and 'data-region-picker="/regions/options/"' in new
    assert f'<option value="下城社区（上城街道） {VILLAGE}">' in new  # a county's regions are listed up front
    assert "紫金县" not in new
    edit = client.get(f"/accounts/users/{village_assistant.pk}/edit/").content.decode()
    assert f'value="下城社区（上城街道） {VILLAGE}"' in edit


def test_a_village_is_moved_to_a_township_picked_by_name(heyuan, system_admin):
    response = logged_in(system_admin).post(f"/regions/{VILLAGE}/move/", {
        "new_township_code": "新江街道", "effective_date": "2026-05-01"})
    assert response.status_code == 302
    assert RegionEvent.objects.get(kind="moved").new_parent_code == "441602002000"


def test_a_merge_into_a_township_is_refused_with_the_reason(heyuan, system_admin):
    html = logged_in(system_admin).post(f"/regions/{VILLAGE}/merge/", {
        "target_code": "上城街道", "effective_date": "2026-05-01"}, follow=True).content.decode()
    assert "没有名称为“上城街道”的村(社区)" in html
    html = logged_in(system_admin).post(f"/regions/{VILLAGE}/merge/", {
        "target_code": "441602001000", "effective_date": "2026-05-01"}, follow=True).content.decode()
    assert "“上城街道”（441602001000）是乡镇(街道)，不是村(社区)" in html
    assert not RegionEvent.objects.exists()


def test_a_village_is_merged_into_one_picked_by_name(heyuan, system_admin):
    logged_in(system_admin).post(f"/regions/{VILLAGE}/merge/", {"target_code": "公园社区",
                                                                "effective_date": "2026-05-01"})
    assert Region.objects.get(code=VILLAGE).merged_into.code == NEIGHBOUR_VILLAGE
