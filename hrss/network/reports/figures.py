"""The reports part's figures on the area's statistics page (core.parts.Figure): count(user, region, today), the
townships of `region` and their reports of the month before `today`'s (the month whose report is due), as the
completeness page counts them (selectors.completeness), as they stood at the end of `today`."""

from hrss.core.dates import add_months
from hrss.core.models import Level
from hrss.network.reports import selectors


def _last_month(region, today):
    if region.level > Level.TOWNSHIP:  # a village has no report of its own
        return selectors.Row(region=region)
    month = add_months(today.replace(day=1), -1)
    return selectors.total(region, selectors.completeness(region, month, as_of=today))


def submitted(user, region, today):
    return _last_month(region, today).submitted


def on_time(user, region, today):
    return _last_month(region, today).on_time


def not_submitted(user, region, today):
    row = _last_month(region, today)
    return row.expected - row.submitted
