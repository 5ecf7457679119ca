"""The acceptance part's figures on the area's statistics page (core.parts.Figure): count(user, region, today),
each as it stood on `today` (a month's report asks for its last day): only what was dated on or before the day, and
an item fixed after the day still counted open then (a reopened item's earlier fix is not kept: it counts open)."""

from django.db.models import Q

from hrss.network.acceptance import selectors
from hrss.network.models import AcceptanceState


def inspections(user, region, today):
    return selectors.inspections_visible_to(user, region).filter(inspected_on__lte=today).count()


def _open_on(user, region, today):
    return (selectors.rectifications_visible_to(user, region).filter(opened_on__lte=today)
            .filter(Q(fixed_on__isnull=True) | Q(fixed_on__gt=today)))


def items_open(user, region, today):
    return _open_on(user, region, today).count()


def items_overdue(user, region, today):
    return _open_on(user, region, today).filter(due_on__lt=today).count()


def requested(user, region, today):
    return (selectors.acceptances_visible_to(user, region).filter(requested_on__lte=today)
            .filter(Q(decided_on__isnull=True) | Q(decided_on__gt=today)).count())


def accepted(user, region, today):
    return selectors.acceptances_visible_to(user, region, state=AcceptanceState.ACCEPTED).filter(
        accepted_on__lte=today).count()
