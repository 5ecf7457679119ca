"""The acceptance part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.network.acceptance import selectors
from hrss.network.models import AcceptanceState, RectificationState


def inspections(user, region, today):
    return selectors.inspections_visible_to(user, region).count()


def items_open(user, region, today):
    return selectors.rectifications_visible_to(user, region, state=RectificationState.OPEN).count()


def items_overdue(user, region, today):
    return selectors.rectifications_visible_to(user, region, overdue_on=today).count()


def requested(user, region, today):
    return selectors.acceptances_visible_to(user, region, state=AcceptanceState.REQUESTED).count()


def accepted(user, region, today):
    return selectors.acceptances_visible_to(user, region, state=AcceptanceState.ACCEPTED).count()
