"""The certification part's figures on the area's statistics page (core.parts.Figure): count(user, region, today),
of the latest year's campaign covering the region (the 认证名单 shows the same year by default)."""

from hrss.pensions.certification import selectors


def due(user, region, today):
    return selectors.figure_count(user, region, today, "")


def done(user, region, today):
    return selectors.figure_count(user, region, today, "done")


def suspended(user, region, today):
    return selectors.figure_count(user, region, today, "suspended")


def died(user, region, today):
    return selectors.figure_count(user, region, today, "died")
