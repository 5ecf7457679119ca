"""The ratings part's figures on the area's statistics page (core.parts.Figure): count(user, region, today), the
month being today's."""

from django.db.models import Q

from hrss.core import scoping
from hrss.core.dates import month_bounds
from hrss.supervision.models import POOR_SCORES, ComplaintState
from hrss.supervision.ratings import selectors


def _rated_this_month(user, region, today):
    first, last = month_bounds(today.year, today.month)
    return selectors.ratings(user, region).filter(rated_at__date__range=(first, last))


def rated(user, region, today):
    return _rated_this_month(user, region, today).count()


def poor(user, region, today):
    return _rated_this_month(user, region, today).filter(score__in=POOR_SCORES).count()


def _open_complaints(user, region):
    return scoping.within_region(selectors.complaints_visible_to(user), region).filter(state=ComplaintState.OPEN)


def complaints_open(user, region, today):
    return _open_complaints(user, region).count()


def complaints_overdue(user, region, today):
    return _open_complaints(user, region).filter(Q(due_date__lt=today)).count()
