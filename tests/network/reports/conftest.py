"""The reports part's personas and a report of 上城街道 at each state, made through the services (never by hand)."""

import datetime

import pytest

from hrss.core.dates import add_months
from hrss.core.permissions import Role
from hrss.network.reports import rules, services
from tests.conftest import COUNTY, NEIGHBOUR_COUNTY, NEIGHBOUR_TOWNSHIP, TODAY, TOWNSHIP

LAST_MONTH = add_months(TODAY.replace(day=1), -1)
THIS_MONTH = TODAY.replace(day=1)


@pytest.fixture
def reviewer(make_user):
    return make_user("rita", TOWNSHIP, Role.TOWNSHIP_REVIEWER)


@pytest.fixture
def approver(make_user):
    return make_user("alan", COUNTY, Role.COUNTY_APPROVER)


@pytest.fixture
def neighbour_township_officer(make_user):
    return make_user("ned", NEIGHBOUR_TOWNSHIP, Role.TOWNSHIP_OFFICER)


@pytest.fixture
def neighbour_county_approver(make_user):
    return make_user("zara", NEIGHBOUR_COUNTY, Role.COUNTY_APPROVER)


@pytest.fixture
def township(heyuan):
    return heyuan[TOWNSHIP]


def submitted_report(township, officer, reviewer, month=LAST_MONTH, on=None):
    """A report of `month` generated, checked and submitted on `on` (by default the day after the month)."""
    on = on or rules.last_day(month) + datetime.timedelta(days=1)
    report = services.generate_report(actor=officer, township=township, month=month, today=on)
    services.check_report(actor=reviewer, report=report)
    return services.submit_report(actor=officer, report=report, today=on)


@pytest.fixture
def generated(township, township_officer):
    return services.generate_report(actor=township_officer, township=township, month=LAST_MONTH)


@pytest.fixture
def submitted(township, township_officer, reviewer):
    return submitted_report(township, township_officer, reviewer)


@pytest.fixture
def locked(submitted, approver):
    return services.approve_report(actor=approver, report=submitted)


def bearer(user):
    """The headers of an API call made with a token of `user`."""
    from hrss.accounts import services as account_services

    return {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}
