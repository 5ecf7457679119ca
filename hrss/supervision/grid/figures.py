"""The grid part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.supervision.grid import selectors


def leads_this_year(user, region, today):
    return selectors.leads(user, region, year=today.year).count()


def open_leads(user, region, today):
    return selectors.open_leads(user, region).count()


def visits_this_year(user, region, today):
    return selectors.visits(user, region, year=today.year).count()


def employers_visited(user, region, today):
    return selectors.employers_visited(user, region, today.year)
