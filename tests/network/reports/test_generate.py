"""A report is generated after its month has ended, as a snapshot of every area's figures for the township as of
the month's last day; before that it is refused with the reason."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core import areas
from hrss.network.models import MonthlyReport
from hrss.network.reports import rules, selectors, services
from tests.conftest import TODAY, login
from tests.network.reports.conftest import LAST_MONTH, THIS_MONTH

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_generation_before_the_month_ends_is_refused(township, township_officer):
    end = rules.last_day(THIS_MONTH)
    for today in (THIS_MONTH, end):
        with pytest.raises(ValidationError) as refused:
            services.generate_report(actor=township_officer, township=township, month=THIS_MONTH, today=today)
        first = end + DAY
        assert refused.value.messages == [
            f"{THIS_MONTH.year}年{THIS_MONTH.month}月尚未结束，不能生成该月月报：月报统计截至该月最后一天，"
            f"{first.year}年{first.month}月{first.day}日起才能生成。"]
    assert not MonthlyReport.objects.exists()
    report = services.generate_report(actor=township_officer, township=township, month=THIS_MONTH, today=end + DAY)
    assert report.state == MonthlyReport.State.GENERATED


def test_the_page_refuses_this_month(client, township, township_officer):
    login(client, township_officer)
    response = client.post("/network/reports/generate/", {"region": township.code, "month": f"{THIS_MONTH:%Y-%m}"},
                           follow=True)
    assert "尚未结束，不能生成该月月报" in response.content.decode()
    assert not MonthlyReport.objects.exists()


def test_the_snapshot_holds_every_registered_figure_as_of_the_last_day(generated, township):
    version = generated.versions.get()
    assert version.as_of == rules.last_day(LAST_MONTH)
    registered = areas.figures()
    assert [(row["area"], row["part"], row["label"]) for row in version.figures] == [
        (area, part, figure.label) for area, part, figure in registered]
    grouped = selectors.grouped_figures(version)
    assert [area for area, _ in grouped] == list(dict.fromkeys(area for area, _, _ in registered))


def test_the_snapshot_counts_as_of_the_months_last_day(township, township_officer, reviewer, approver):
    """The reports part's own figure, read in a later report: 上城街道's report of the month before last, submitted
    and approved, is counted in last month's snapshot (上月月报已上报 = 1 as of last month's last day)."""
    before = LAST_MONTH.replace(day=1) - DAY
    month = before.replace(day=1)
    report = services.generate_report(actor=township_officer, township=township, month=month,
                                      today=rules.last_day(month) + DAY)
    services.check_report(actor=reviewer, report=report)
    services.submit_report(actor=township_officer, report=report, today=rules.last_day(month) + DAY)
    later = services.generate_report(actor=township_officer, township=township, month=LAST_MONTH)
    row = next(row for row in later.versions.get().figures if row["label"] == "上月月报已上报")
    assert (row["value"], row["shown"]) == (1, "1")


def test_only_the_townships_officer_or_reviewer_generates(township, county_officer, village_assistant):
    for user in (county_officer, village_assistant):
        with pytest.raises(PermissionDenied):
            services.generate_report(actor=user, township=township, month=LAST_MONTH)
    assert not MonthlyReport.objects.exists()


def test_the_reviewer_checks_and_a_returned_report_goes_round_again(generated, township, township_officer,
                                                                    reviewer, approver):
    with pytest.raises(PermissionDenied, match="审核员核对"):
        services.check_report(actor=township_officer, report=generated)
    with pytest.raises(ValidationError, match="不能进行这一操作"):
        services.submit_report(actor=township_officer, report=generated)
    services.check_report(actor=reviewer, report=generated)
    first_day = rules.last_day(LAST_MONTH) + DAY
    services.submit_report(actor=township_officer, report=generated, today=first_day)
    with pytest.raises(ValidationError, match="已上报，正等待县\\(区\\)审核"):
        services.generate_report(actor=township_officer, township=township, month=LAST_MONTH)
    with pytest.raises(ValidationError, match="请填写退回理由"):
        services.return_report(actor=approver, report=generated, reason="")
    returned = services.return_report(actor=approver, report=generated, reason="请说明新增就业人数")
    assert (returned.state, returned.returned_reason) == (MonthlyReport.State.RETURNED, "请说明新增就业人数")
    edited = services.edit_remarks(actor=township_officer, report=returned, remarks="新增就业含2家新开工企业")
    assert edited.state == MonthlyReport.State.GENERATED
    services.check_report(actor=reviewer, report=edited)
    resubmitted = services.submit_report(actor=township_officer, report=edited, today=TODAY)
    assert resubmitted.first_submitted_on == first_day  # timeliness counts the first submission
    assert resubmitted.versions.get().remarks == "新增就业含2家新开工企业"
