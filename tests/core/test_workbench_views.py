import datetime

from django.test import Client

from hrss.accounts import services
from hrss.accounts.models import User
from tests.conftest import CITY, COUNTY, SHANGHAI, TODAY, TOWNSHIP, VILLAGE


def page(user, path, **params):
    client = Client()
    client.force_login(user)
    response = client.get(path, params)
    assert response.status_code == 200, path
    return response.content.decode()


def test_the_city_home_lists_the_six_counties_with_counts(heyuan, city_admin):
    html = page(city_admin, "/")
    assert "河源市人力资源和社会保障局" in html
    for county in ("源城区", "紫金县", "龙川县", "连平县", "和平县", "东源县"):
        assert county in html
    assert "1251 / 192" in html


def test_a_township_officer_sees_the_villages_of_the_township(heyuan, township_officer):
    html = page(township_officer, "/")
    assert "上城街道人力资源和社会保障服务所" in html
    assert "下城社区人力资源社会保障服务站" in html and "公园社区人力资源社会保障服务站" in html
    assert "紫金县" not in html


def test_a_village_assistant_sees_only_her_station(heyuan, village_assistant, clock):
    # On a day when nothing falls due by the calendar alone (in the first quarter the last year's 充分就业社区
    # assessment of her community is due): mid-June of the suite's year.
    day = datetime.datetime(TODAY.year, 6, 15, 10, tzinfo=SHANGHAI)
    clock.move_to(day)
    User.objects.update(password_changed_at=day)
    html = page(village_assistant, "/")
    assert "下城社区人力资源社会保障服务站" in html
    assert "公园社区" not in html
    assert "暂无待办事项" in html


def test_the_breadcrumb_moves_down_within_scope(heyuan, county_officer):
    html = page(county_officer, f"/regions/{VILLAGE}/")
    assert f'href="/regions/{COUNTY}/"' in html and f'href="/regions/{TOWNSHIP}/"' in html
    assert f'href="/regions/{CITY}/"' not in html


def test_staff_counts_per_office(heyuan, county_officer, village_assistant, neighbour_village_assistant):
    html = page(county_officer, f"/regions/{TOWNSHIP}/")
    row = html[html.index("下城社区人力资源社会保障服务站"):]
    assert '<td class="text-end">1</td>' in row[:200]


def test_searching_offices_by_name_or_code(heyuan, county_officer):
    assert "下城社区" in page(county_officer, "/regions/search/", q="下城")
    assert "下城社区" in page(county_officer, "/regions/search/", q=VILLAGE)
    assert "紫城镇" not in page(county_officer, "/regions/search/", q="紫城")


def test_the_security_administrators_pending_work_is_real(heyuan, security_admin, system_admin):
    assert "暂无待办事项" in page(security_admin, "/")
    services.open_account(actor=system_admin, username="wang", region=heyuan[VILLAGE])
    html = page(security_admin, "/")
    assert "待分配角色的账号" in html
    assert "wang" in page(security_admin, "/accounts/users/", norole=1)


def test_an_anonymous_visitor_is_sent_to_login(heyuan):
    response = Client().get("/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_the_pages_load_nothing_from_other_hosts(heyuan, city_admin):
    html = page(city_admin, "/")
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html


def test_a_region_code_that_does_not_exist_is_404(heyuan, city_admin):
    client = Client()
    client.force_login(city_admin)
    assert client.get("/regions/441699999999/").status_code == 404
    assert client.get("/regions/not-a-code/").status_code == 404


def test_pages_of_a_logged_in_user_are_not_cached(heyuan, village_assistant):
    client = Client()
    client.force_login(village_assistant)
    assert client.get("/")["Cache-Control"] == "no-store"
    assert client.get("/residents/")["Cache-Control"] == "no-store"
