"""The enrolment part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.pensions.enrolment import selectors
from hrss.pensions.models import EnrolmentState


def active(user, region, today):
    return selectors.enrolments_visible(user, region, state=EnrolmentState.ACTIVE).count()


def pending(user, region, today):
    return selectors.enrolments_visible(user, region, state=EnrolmentState.PENDING).count()


def complete_this_month(user, region, today):
    return selectors.complete_in_month(user, region, today.year, today.month).count()


def same_day_this_month(user, region, today):
    return selectors.complete_in_month(user, region, today.year, today.month).filter(selectors.same_day_q()).count()
