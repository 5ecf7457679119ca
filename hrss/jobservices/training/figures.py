"""The training part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.jobservices.training import selectors


def open_wishes(user, region, today):
    return selectors.open_wishes(user, region).count()
