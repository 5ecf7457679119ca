"""The county's approver (审批员) locks a month once it is over: the figures of its offices and staff are kept as
they stood, with an audit entry, so a later move made on a case does not change the published month; a township
cannot lock, nor the county's 经办员 (one of the staff appraised), nor the county before the month ends, nor twice;
the neighbouring county is refused."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.core.models import AuditEntry, Region
from hrss.supervision.appraisal import selectors, services
from hrss.supervision.models import AppraisalLock
from tests.conftest import COUNTY, TOWNSHIP, VILLAGE
from tests.supervision.appraisal.conftest import DUE, MONTH, OPENED

AFTER = datetime.date(2023, 11, 15)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_locked_month_keeps_its_figures(intake, move, township_reviewer, county_approver, township_officer):
    move(intake(OPENED), township_reviewer, DUE)
    county, township = Region.objects.get(code=COUNTY), Region.objects.get(code=TOWNSHIP)
    lock = services.lock_month(actor=county_approver, region=county, month=MONTH, today=AFTER)
    assert set(lock.offices) >= {COUNTY, TOWNSHIP, VILLAGE} and lock.offices[TOWNSHIP]["handled"] == 1
    entry = AuditEntry.objects.get(action="supervision.appraisal.locked")
    assert entry.actor == county_approver and entry.after["appraisal_month"] == "2023-10"

    # A move made later but dated in October (a case's history is append-only; a day's record can still arrive).
    move(intake(OPENED, "失业登记：后补"), township_reviewer, datetime.date(2023, 10, 9))
    live = selectors.figures_of(MONTH, selectors.Whom(offices=frozenset({TOWNSHIP})))[TOWNSHIP]
    assert live.handled == 2
    rows = {row.region.code: row for row in selectors.office_rows(county_approver, township, MONTH)}
    assert rows[TOWNSHIP].locked and rows[TOWNSHIP].figures.handled == 1
    staff = {row.user.username: row.figures for row in selectors.staff_rows(township, MONTH)}
    assert staff["rita"].handled == 1 and str(staff["rita"].score) == "100.0"
    page = logged_in(township_officer).get("/supervision/appraisal/", {"region": TOWNSHIP, "month": "2023-10"})
    assert 'data-testid="appraisal-locked"' in page.content.decode()


def test_who_may_lock_and_when(county_approver, county_officer, township_officer, neighbour_county_officer, heyuan):
    county, township = Region.objects.get(code=COUNTY), Region.objects.get(code=TOWNSHIP)
    with pytest.raises(PermissionDenied):
        services.lock_month(actor=township_officer, region=township, month=MONTH, today=AFTER)
    with pytest.raises(PermissionDenied):
        services.lock_month(actor=neighbour_county_officer, region=county, month=MONTH, today=AFTER)
    with pytest.raises(PermissionDenied, match="审批员"):  # the 经办员 is appraised himself: a leader signs off
        services.lock_month(actor=county_officer, region=county, month=MONTH, today=AFTER)
    with pytest.raises(ValidationError, match="尚未结束"):
        services.lock_month(actor=county_approver, region=county, month=MONTH, today=datetime.date(2023, 10, 31))
    services.lock_month(actor=county_approver, region=county, month=MONTH, today=datetime.date(2023, 11, 1))
    with pytest.raises(ValidationError, match="已经锁定"):
        services.lock_month(actor=county_approver, region=county, month=MONTH, today=AFTER)
    assert AppraisalLock.objects.count() == 1


def test_the_county_approver_locks_from_its_page_after_confirming(county_approver, county_officer, township_officer,
                                                                  heyuan):
    client = logged_in(county_approver)
    page = client.get("/supervision/appraisal/", {"month": "2023-10"}).content.decode()
    form = page.split('data-testid="appraisal-lock-form"')[1].split("</form>")[0]
    assert "data-confirm=" in form and "确定锁定吗" in form
    for other in (township_officer, county_officer):
        assert 'data-testid="appraisal-lock-form"' not in logged_in(other).get(
            "/supervision/appraisal/", {"month": "2023-10"}).content.decode()
    refused = logged_in(county_officer).post("/supervision/appraisal/lock/", {"region": COUNTY, "month": "2023-10"})
    assert refused.status_code == 403 and not AppraisalLock.objects.exists()
    answer = client.post("/supervision/appraisal/lock/", {"region": COUNTY, "month": "2023-10"}, follow=True)
    body = answer.content.decode()
    assert "已锁定源城区2023年10月的考核结果" in body and 'data-testid="appraisal-locked"' in body
    again = client.post("/supervision/appraisal/lock/", {"region": COUNTY, "month": "2023-10"}, follow=True)
    assert "已经锁定，不能再次锁定" in again.content.decode()


def test_a_month_not_begun_is_refused_once(county_approver, heyuan):
    answer = logged_in(county_approver).post("/supervision/appraisal/lock/", {"region": COUNTY, "month": "9999-12"},
                                             follow=True)
    assert answer.content.decode().count("9999年12月尚未开始") == 1 and not AppraisalLock.objects.exists()
