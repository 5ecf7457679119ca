import random

from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from hrss.accounts.models import User
from hrss.core import regions, scoping
from hrss.core.models import Level, Region
from hrss.core.regions import heyuan_rows
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, VILLAGE

# The real tree as plain data, for brute-force ancestor walks without a database.
ROWS = list(heyuan_rows())
PARENT = {code: parent for code, _level, parent, *_ in ROWS}
CODES = sorted(PARENT)


def is_descendant_by_walk(code, ancestor):
    while code is not None:
        if code == ancestor:
            return True
        code = PARENT[code]
    return False


@settings(max_examples=1000)
@given(st.sampled_from(CODES), st.sampled_from(CODES))
def test_code_containment_equals_an_ancestor_walk(code, ancestor):
    assert scoping.code_is_within(code, ancestor) == is_descendant_by_walk(code, ancestor)


@given(st.sampled_from(CODES))
def test_every_code_level_is_recognised(code):
    level = next(level for c, level, *_ in ROWS if c == code)
    assert scoping.level_of_code(code) == level


def test_scoped_queryset_equals_an_ancestor_walk_for_sampled_users(heyuan, make_user):
    from hrss.core.permissions import ROLE_LEVELS, Role

    sample = random.Random(20261125).sample(CODES, 40)
    for index, code in enumerate(sample):
        level = scoping.level_of_code(code)
        role = next(role for role in Role if ROLE_LEVELS[role] == {level} or (level in ROLE_LEVELS[role]))
        user = make_user(f"u{index}", code, role)
        visible = set(scoping.regions_visible_to(user).values_list("code", flat=True))
        expected = {c for c in CODES if is_descendant_by_walk(c, code)}
        assert visible == expected, code


def test_a_user_whose_region_is_merged_away_sees_nothing_until_reassigned(heyuan, village_assistant, system_admin):
    # Deactivate the region without moving the staff (the merge service would move them).
    Region.objects.filter(code=VILLAGE).update(is_active=False)
    user = User.objects.get(pk=village_assistant.pk)
    assert not scoping.regions_visible_to(user).exists()


def test_a_disabled_user_sees_nothing(heyuan, village_assistant):
    village_assistant.is_active = False
    assert not scoping.regions_visible_to(village_assistant).exists()


def test_reassigning_a_user_takes_effect_on_the_next_request(heyuan, county_officer):
    client = Client()
    client.force_login(county_officer)
    assert client.get(f"/regions/{COUNTY}/").status_code == 200
    User.objects.filter(pk=county_officer.pk).update(region=heyuan[NEIGHBOUR_COUNTY])
    assert client.get(f"/regions/{COUNTY}/").status_code == 404
    assert client.get(f"/regions/{NEIGHBOUR_COUNTY}/").status_code == 200


def test_breadcrumb_never_goes_above_the_users_own_region(heyuan, county_officer, city_admin):
    village = heyuan[VILLAGE]
    assert [r.name for r in scoping.breadcrumb(county_officer, village)] == ["源城区", "上城街道", "下城社区"]
    assert [r.name for r in scoping.breadcrumb(city_admin, village)] == ["河源市", "源城区", "上城街道", "下城社区"]


def test_records_follow_a_moved_village(heyuan, system_admin):
    """Every registered model that is not historical gets its region code rewritten (here: none but users,
    which follow by foreign key); the registry is what later apps plug into."""
    followers = scoping.models_following_region_changes()
    assert all(model is not Region for model, _ in followers)
    regions.move_village(actor=system_admin, village=heyuan[VILLAGE], new_township=heyuan["441602002000"])
    assert Region.objects.filter(level=Level.VILLAGE, parent__code="441602002000").count() == 7
