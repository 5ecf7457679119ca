"""The reports part's figures on the statistics page count the reports as they stood at the end of the day asked
(a month's report reads them on its last day): one submitted after the day is not counted yet."""

import datetime

import pytest

from hrss.core.dates import add_months
from hrss.network.reports import figures, rules
from tests.conftest import TODAY
from tests.network.reports.conftest import submitted_report

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
MONTH = add_months(TODAY.replace(day=1), -2)


def test_a_report_submitted_after_the_day_is_not_counted_on_it(township, township_officer, reviewer, city_admin):
    on = rules.last_day(MONTH) + 3 * DAY
    submitted_report(township, township_officer, reviewer, month=MONTH, on=on)
    month_after = add_months(MONTH, 1)
    asked_before = on - DAY  # in the month after MONTH: its figures are MONTH's reports
    assert asked_before >= month_after
    assert figures.submitted(city_admin, township, asked_before) == 0
    assert figures.not_submitted(city_admin, township, asked_before) == 1
    assert figures.submitted(city_admin, township, on) == 1
    assert figures.not_submitted(city_admin, township, on) == 0


def test_the_reports_target_lines_read_as_the_targets_short_titles(township, township_officer, reviewer):
    from hrss.network.targets import config

    report = submitted_report(township, township_officer, reviewer, month=MONTH)
    labels = [row["label"] for row in report.versions.first().figures if row["part"] == "五个100%"]
    assert labels and not any("之" in label for label in labels)
    shorts = {target.short for target in config.TARGETS}
    assert all(label.split("：")[0] in shorts for label in labels)
