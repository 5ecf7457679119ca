"""The appraisal part's figures on the area's statistics page (core.parts.Figure): count(user, region, today), the
offices of `region` and below it together, in the month before `today`'s (the month the 考核 page opens on, so a
figure's link shows the same month)."""

from hrss.core.dates import add_months
from hrss.supervision.appraisal import selectors


def _last_month(region, today):
    return selectors.region_total(region, add_months(today.replace(day=1), -1))


def handled(user, region, today):
    return _last_month(region, today).handled


def late(user, region, today):
    return _last_month(region, today).late
