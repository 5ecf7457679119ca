"""The petitions part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.supervision.petitions import selectors


def received(user, region, today):
    return selectors.received_in_year(user, region, today).count()


def open_now(user, region, today):
    return selectors.open_petitions(user, region).count()


def overdue(user, region, today):
    return selectors.overdue(user, region, today).count()


def wages(user, region, today):
    return selectors.wages_in_year(user, region, today).count()
