"""应用与联网's figures on the area's statistics page (core.parts.Figure): a region's offices, and those without
activity in the rule's days (from OfficeActivity, selectors.py)."""

from hrss.network.activity import selectors


def offices(user, region, today):
    return len(selectors.office_rows(user, region, today))


def inactive(user, region, today):
    return sum(row.inactive for row in selectors.office_rows(user, region, today))
