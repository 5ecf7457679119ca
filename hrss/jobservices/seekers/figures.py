"""The seekers part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.jobservices.models import SeekerStatus
from hrss.jobservices.seekers import selectors


def active(user, region, today):
    return selectors.seekers_in(user, region, status=SeekerStatus.ACTIVE).count()


def active_not_selective(user, region, today):
    return selectors.seekers_in(user, region, status=SeekerStatus.ACTIVE, not_selective=True).count()
