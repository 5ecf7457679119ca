"""The publicity part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.supervision.publicity import selectors


def events_this_year(user, region, today):
    return selectors.events(user, region, year=today.year).count()


def people_reached_this_year(user, region, today):
    return selectors.totals(selectors.events(user, region, year=today.year))[1]


def unread_notices(user, region, today):
    return selectors.unread_in(user, region).count()


def overdue_notices(user, region, today):
    return selectors.overdue(selectors.unread_in(user, region), today).count()
