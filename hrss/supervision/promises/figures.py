"""The promises part's figures on the area's statistics page (core.parts.Figure): per region, within the user's
scope."""

from hrss.supervision.promises import selectors


def overdue(user, region, today):
    """Open cases of the catalogue's services whose step is overdue (限时办结)."""
    return selectors.overdue_count(user, region, today)


def within_promise_this_month(user, region, today):
    """Cases closed this month within the service's promise (服务承诺)."""
    return selectors.within_promise_count(user, region, today.year, today.month)
