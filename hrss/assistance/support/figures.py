"""The support part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.assistance.support import selectors


def with_plan(user, region, today):
    return selectors.with_plan(user, region, today).count()


def visits_this_month(user, region, today):
    return selectors.visits(user, region, month=(today.year, today.month)).count()


def overdue(user, region, today):
    return selectors.overdue(user, region, today).count()
