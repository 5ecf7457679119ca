"""The example area (this package) plugs into the platform from its own files only: its role is grantable and
gives its permissions, its review chain takes an intake, its panel is on the person page, its menu entry and page
are there, and the scope sweep has its rows."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.accounts import services as account_services
from hrss.accounts.models import RoleGrant, User
from hrss.core import areas, review
from hrss.core.models import ReviewCase
from hrss.core.permissions import has_permission, role_choices
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.permissions import RESIDENT_VIEW
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, VILLAGE
from tests.plugin_area import services
from tests.plugin_area.chains import VISIT_REVIEW
from tests.plugin_area.permissions import INSPECTOR, VISIT_HANDLE, VISIT_VIEW


@pytest.fixture
def inspector(make_user):
    return make_user("inspector", COUNTY, INSPECTOR)


@pytest.fixture
def person(heyuan, village_assistant):
    import datetime

    number = id_number_for("441602", datetime.date(1980, 5, 1), 31)
    return residents_services.register_person(actor=village_assistant, id_number=number, name="张三",
                                              village=heyuan[VILLAGE], status="farming")[0]


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_security_administrator_grants_the_areas_role_at_its_level(make_user, security_admin):
    county_user, village_user = make_user("wu", COUNTY), make_user("li", VILLAGE)
    admin = client_for(security_admin)
    assert 'value="plugin_inspector"' in admin.get(f"/accounts/users/{county_user.pk}/").content.decode()
    assert 'value="plugin_inspector"' not in admin.get(f"/accounts/users/{village_user.pk}/").content.decode()

    admin.post(f"/accounts/users/{county_user.pk}/roles/", {"roles": ["plugin_inspector"]})
    county_user = User.objects.get(pk=county_user.pk)
    assert county_user.role_list == [INSPECTOR]
    assert county_user.role_labels == ["示例检查员"]
    assert has_permission(county_user, VISIT_HANDLE) and has_permission(county_user, RESIDENT_VIEW)
    assert "示例检查员" in admin.get(f"/accounts/users/{county_user.pk}/").content.decode()

    with pytest.raises(ValidationError, match="只能设在县\\(区\\)一级"):
        account_services.set_roles(actor=security_admin, user=village_user, roles=["plugin_inspector"])


def test_the_role_is_a_valid_value_of_a_grant_and_an_unknown_one_is_not(inspector):
    assert ("plugin_inspector", "示例检查员") in role_choices()
    RoleGrant.objects.get(user=inspector, role="plugin_inspector").full_clean()
    with pytest.raises(ValidationError, match="没有“no_such_role”这个角色"):
        RoleGrant(user=inspector, role="no_such_role").full_clean()


def test_the_areas_chain_takes_an_intake_and_waits_at_its_next_step(inspector, person):
    visit = services.record_visit(actor=inspector, person=person, title="入户核查")
    case = ReviewCase.objects.get(pk=visit.case_id)
    assert (case.case_type, case.step, case.status) == (VISIT_REVIEW.case_type, "review", ReviewCase.Status.OPEN)
    assert VISIT_REVIEW in review.registered_chains()
    assert list(review.queue_for(inspector, case_type=VISIT_REVIEW.case_type)) == [case]


def test_an_inspector_of_another_county_is_refused_the_intake(make_user, person):
    outsider = make_user("zinspector", NEIGHBOUR_COUNTY, INSPECTOR)
    with pytest.raises(PermissionDenied):
        services.record_visit(actor=outsider, person=person, title="越权核查")
    assert not ReviewCase.objects.exists()


def test_the_person_page_shows_the_areas_panel_to_its_role_only(inspector, person, village_assistant):
    services.record_visit(actor=inspector, person=person, title="入户核查")
    page = client_for(inspector).get(f"/residents/{person.pk}/").content.decode()
    assert 'data-testid="plugin-visits"' in page and "入户核查" in page
    page = client_for(village_assistant).get(f"/residents/{person.pk}/").content.decode()
    assert 'data-testid="plugin-visits"' not in page
    assert 'data-testid="registrations"' in page  # employment's panel, for comparison


def test_the_areas_menu_entry_and_page_are_mounted_without_editing_the_projects_urls(inspector, person):
    services.record_visit(actor=inspector, person=person, title="入户核查")
    client = client_for(inspector)
    assert '<a class="nav-link" href="/plugin_area/">示例检查</a>' in client.get("/").content.decode()
    assert "张三" in client.get("/plugin_area/").content.decode()
    assert ("plugin_area", "tests.plugin_area.urls") in areas.url_includes()


def test_the_scope_sweep_has_the_areas_rows():
    from tests.core import test_scope_sweep as sweep
    from tests.plugin_area.sweep import ROWS

    assert ("plugin_area", ROWS) in sweep.ALL_ROWS
    assert "plugin_area:list" in sweep.LIST_ROUTES
    assert services.record_visit in [write.service for write in sweep.WRITES]


def test_the_area_is_registered_with_what_it_declares():
    area = areas.get("plugin_area")
    assert area.roles == (INSPECTOR,) and set(area.permissions) == {VISIT_VIEW, VISIT_HANDLE}


def test_the_areas_service_is_in_the_catalogue_with_its_chain_and_rules(inspector):
    import datetime

    from hrss.core import catalogue

    visit = catalogue.service("plugin_area/visit")
    assert visit is not None and visit in areas.get("plugin_area").services
    assert catalogue.service_for_case_type(VISIT_REVIEW.case_type) == visit
    assert [document.name for document in visit.documents_on(datetime.date(2024, 5, 1))] == [
        "居民身份证", "示例检查申请表"]
    assert visit.promise_label(datetime.date(2024, 5, 1)) == "3个工作日"
    # The catalogue's list (the supervision area's API, for any staff token) names it with what a 办事指南 states.
    token = account_services.create_token(actor=None, user=inspector)
    answer = Client().get("/api/v1/supervision/services", headers={"Authorization": f"Bearer {token}"})
    listed = {row["code"]: row for row in answer.json()["items"]}
    assert listed["plugin_area/visit"]["where"] == "县(区)示例窗口"
    assert listed["plugin_area/visit"]["documents"][1] == {"name": "示例检查申请表", "note": "现场填写", "copies": 0,
                                                          "original_shown": False}
