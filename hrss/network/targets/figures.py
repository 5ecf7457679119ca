"""The targets part's lines of the area's statistics page (core.parts.Figure): per measured target, the people of
the region who missed it this month (the drill-down is the list of them)."""

from hrss.network.targets import selectors


def missed_this_month(code):
    """count(user, region, today) of the people who missed target `code` in today's month (the page has checked that
    the region is in the user's scope)."""

    def count(user, region, today):
        for figure in selectors.figures(region, today, today=today):
            if figure.code == code:
                return figure.missed or 0
        return 0

    return count
