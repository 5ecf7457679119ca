"""From 1 December, next year's holiday arrangement not loaded is pending work for the system administrator (who
loads it): without it every chain's deadline reaching into January fails. Not before December, not once it is
loaded, and not for staff who cannot load it."""

import datetime

from django.test import Client

from hrss.accounts.models import User
from hrss.core import workdays
from hrss.core.models import CalendarYear
from tests.conftest import SHANGHAI, TODAY

TITLE = f"尚未录入{TODAY.year + 1}年节假日安排"


def _home(user):
    client = Client()
    client.force_login(user)
    return client.get("/").content.decode()


def _at(clock, month, day):
    moment = datetime.datetime(TODAY.year, month, day, 10, tzinfo=SHANGHAI)
    clock.move_to(moment)
    User.objects.update(password_changed_at=moment)  # not due for a password change on that day


def test_due_from_the_first_of_december_until_loaded(clock, heyuan, system_admin, village_assistant):
    CalendarYear.objects.filter(year=TODAY.year + 1).delete()
    _at(clock, 11, 30)
    assert TITLE not in _home(system_admin)
    _at(clock, 12, 1)
    page = _home(system_admin)
    assert TITLE in page and 'href="/calendar/"' in page
    assert TITLE not in _home(village_assistant)
    workdays.load_arrangement(days={}, years=[TODAY.year + 1], actor=None, source="测试安排")
    assert TITLE not in _home(system_admin)
