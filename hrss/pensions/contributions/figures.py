"""The contributions part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.pensions.contributions import selectors


def paid_this_year(user, region, today):
    return selectors.paid_this_year(user, region, today).count()


def not_paid_this_year(user, region, today):
    return selectors.not_paid_this_year(user, region, today).count()


def unmatched(user, region, today):
    return selectors.unmatched(user, region).count()
