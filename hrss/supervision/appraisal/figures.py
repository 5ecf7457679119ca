"""The appraisal part's figures on the area's statistics page (core.parts.Figure): count(user, region, today), the
offices of `region` and below it together, this month so far."""

from hrss.supervision.appraisal import selectors


def _this_month(region, today):
    return selectors.region_total(region, today.replace(day=1))


def handled(user, region, today):
    return _this_month(region, today).handled


def late(user, region, today):
    return _this_month(region, today).late
