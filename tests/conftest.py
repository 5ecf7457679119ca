"""Persona fixtures over Heyuan's real divisions, so access rules read like sentences:
the village assistant of 下城社区 works in 上城街道, 源城区; her neighbour works in 公园社区 of the same township;
the neighbour county is 紫金县."""

import datetime
import os
import zoneinfo
from unittest import mock

import pytest
import time_machine

from hrss.accounts import services as account_services
from hrss.core import audit
from hrss.core.models import Level, Region
from hrss.core.permissions import Role
from hrss.core.regions import load_regions

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls under a running loop
# unless told the caller knows what it does (the browser tests only touch the database between page actions).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "Heyuan@2026"

VILLAGE = "441602001003"  # 下城社区, 上城街道, 源城区
NEIGHBOUR_VILLAGE = "441602001006"  # 公园社区, same township
TOWNSHIP = "441602001000"  # 上城街道
NEIGHBOUR_TOWNSHIP = "441602002000"  # 新江街道
COUNTY = "441602000000"  # 源城区
NEIGHBOUR_COUNTY = "441621000000"  # 紫金县
NEIGHBOUR_COUNTY_TOWNSHIP = "441621100000"  # 紫城镇
NEIGHBOUR_COUNTY_VILLAGE = "441621100001"  # a 居委会 of 紫城镇
CITY = "441600000000"
PROVINCE = "440000000000"


# The one clock of the suite. Every test runs at this instant, frozen (time does not move during a test), so a test
# never depends on the day it runs. CI runs the suite again at instants that are hard for date code (the last
# second of a month's 31st, a leap day): HRSS_TEST_NOW=2026-01-31T23:59:30+08:00 pytest ...
DEFAULT_NOW = "2026-06-15T10:00:00+08:00"
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def frozen_now():
    """The instant the suite runs at (an aware datetime), from HRSS_TEST_NOW or DEFAULT_NOW."""
    value = datetime.datetime.fromisoformat(os.environ.get("HRSS_TEST_NOW") or DEFAULT_NOW)
    assert value.tzinfo is not None, "HRSS_TEST_NOW needs an offset, e.g. 2026-01-31T23:59:30+08:00"
    return value


# "Today" in Heyuan at that instant: what timezone.localdate() answers inside every test. Module-level constants and
# parametrisations may use it, since it is read from the same setting as the frozen clock, never from the wall.
TODAY = frozen_now().astimezone(SHANGHAI).date()


@pytest.fixture(autouse=True)
def clock():
    """Freezes time.time, datetime.now, date.today (and so timezone.now/localdate) at frozen_now() for the test;
    the live server's threads see it too. Worker processes started by a test do not: they are given dates."""
    with time_machine.travel(frozen_now(), tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # PBKDF2 at production strength costs ~0.3 s per persona; the hasher is Django's business, not ours.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def shipped_data(request):
    """A live-server (transactional) test starts with the data the migrations ship (the holiday calendar, the
    occupation and industry classifications), which the harness empties with every table after each such test: the
    next one on the same worker would otherwise find no occupation "4-01-02-04" depending on the order of tests."""
    if "transactional_db" in request.fixturenames:
        import importlib

        from django.apps import apps

        from hrss.core import classifications
        from hrss.core.workdays import load_seed

        request.getfixturevalue("transactional_db")
        load_seed()
        importlib.import_module("hrss.core.migrations.0002_classifications").load_classifications(apps, None)
        classifications.forget()
    yield


@pytest.fixture(autouse=True)
def audit_is_append_only(request):
    """The audit triggers hold in every database test. Live-server tests commit for real, and the harness empties
    every table after them, so for those the triggers are lifted after the test, just before that flush."""
    from django.db import connection

    from hrss.core import audit_guard

    if "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        audit_guard.install(connection)
        yield
        audit_guard.uninstall(connection)
    elif "db" in request.fixturenames:
        request.getfixturevalue("db")
        audit_guard.install(connection)  # inside the test's transaction: rolled back with it
        yield
    else:
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each worker's test database holds Heyuan's regions from the start, loaded once at the suite's frozen instant
    and committed, so `heyuan` reads 1,552 regions instead of writing them in every test. A test that needs the
    table empty (loading the regions itself) asks for `no_regions`."""
    # Without the load's audit entry: a test's audit log starts empty, as before (tests/core/test_audit.py).
    with (django_db_blocker.unblock(), time_machine.travel(frozen_now(), tick=False),
          mock.patch.object(audit, "record")):
        load_regions(actor=None)


@pytest.fixture
def no_regions(db):
    """The region table emptied inside the test's transaction (children first), as on a fresh install."""
    for level in sorted(Level, reverse=True):
        Region.objects.filter(level=level).delete()


@pytest.fixture
def heyuan(db):
    """Heyuan's regions by code. A live-server (transactional) test empties every table after it; the tests after
    it on the same worker load the regions again, inside their own transaction."""
    if not Region.objects.filter(code=CITY).exists():
        load_regions(actor=None)
    return {region.code: region for region in Region.objects.all()}


@pytest.fixture
def make_user(heyuan):
    def make(username, code, *roles, password=PASSWORD, must_change=False):
        user, _ = account_services.create_user(
            actor=None, username=username, region=heyuan[code], roles=list(roles), password=password,
            full_name=username, must_change=must_change,
        )
        return user

    return make


@pytest.fixture
def village_assistant(make_user):
    return make_user("alice", VILLAGE, Role.VILLAGE_ASSISTANT)


@pytest.fixture
def neighbour_village_assistant(make_user):
    return make_user("bob", NEIGHBOUR_VILLAGE, Role.VILLAGE_ASSISTANT)


@pytest.fixture
def township_officer(make_user):
    return make_user("tina", TOWNSHIP, Role.TOWNSHIP_OFFICER)


@pytest.fixture
def county_officer(make_user):
    return make_user("carl", COUNTY, Role.COUNTY_OFFICER)


@pytest.fixture
def neighbour_county_officer(make_user):
    return make_user("nina", NEIGHBOUR_COUNTY, Role.COUNTY_OFFICER)


@pytest.fixture
def city_admin(make_user):
    return make_user("cindy", CITY, Role.CITY_ADMIN)


@pytest.fixture
def province_viewer(make_user):
    return make_user("paul", PROVINCE, Role.PROVINCE_VIEWER)


@pytest.fixture
def system_admin(make_user):
    return make_user("sam", CITY, Role.SYSTEM_ADMIN)


@pytest.fixture
def security_admin(make_user):
    return make_user("sec", CITY, Role.SECURITY_ADMIN)


@pytest.fixture
def auditor(make_user):
    return make_user("audrey", CITY, Role.AUDIT_ADMIN)


@pytest.fixture
def neighbour_county_system_admin(make_user):
    return make_user("zsam", NEIGHBOUR_COUNTY, Role.SYSTEM_ADMIN)


@pytest.fixture
def citizen(client):
    """A member of the public: no account at all."""
    return client


def login(client, user):
    client.force_login(user)
    return client
