"""The retirees part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.pensions.retirees import selectors


def managed(user, region, today):
    return selectors.management_counts(user, region)[0]


def not_managed(user, region, today):
    return selectors.management_counts(user, region)[1]


def due_visits(user, region, today):
    return selectors.due_visits(user, region, today).count()
