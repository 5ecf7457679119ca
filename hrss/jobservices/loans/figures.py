"""The loans part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.jobservices.loans import selectors


def loans(user, region, today):
    return selectors.loans(user, region).count()


def with_overdue(user, region, today):
    return selectors.loans_with_overdue(user, today, region).count()
