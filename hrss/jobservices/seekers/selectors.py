"""Reads of the seekers part: the 求职登记台账 of a region, and the registered unemployed who have no open
求职登记 yet (every registered unemployed person who wants work should be a job seeker)."""

from django.db.models import Exists, OuterRef, Q

from hrss.core import scoping
from hrss.employment.models import Standing, UnemploymentRegistration
from hrss.jobservices.models import JobSeeker, SeekerStatus, WantedOccupation


def seekers_in(user, region, *, status=SeekerStatus.ACTIVE, not_selective=None, occupation="", name=""):
    """The 求职登记 of `region` (already fetched within the user's scope) as the ledger filters them."""
    seekers = scoping.within_region(scoping.visible_to(user, JobSeeker.objects.all()), region)
    if status:
        seekers = seekers.filter(status=status)
    if not_selective is not None:
        seekers = seekers.filter(not_selective=not_selective)
    if occupation:
        seekers = seekers.filter(Exists(WantedOccupation.objects.filter(seeker=OuterRef("pk")).filter(
            Q(occupation_code=occupation) | Q(occupation_code__startswith=f"{occupation}-"))))
    if name:
        seekers = seekers.filter(person__name__contains=name)
    return seekers.select_related("person").prefetch_related("wanted")


def seekers_from_unemployment(user, region=None):
    """Registered unemployed people (失业登记, standing registered) in the user's scope (and `region`) without an
    open 求职登记: the page offers each a one-click 求职登记."""
    registrations = scoping.visible_to(user, UnemploymentRegistration.objects.filter(standing=Standing.REGISTERED))
    if region is not None:
        registrations = scoping.within_region(registrations, region)
    seeking = JobSeeker.objects.filter(person=OuterRef("person"), status=SeekerStatus.ACTIVE)
    return registrations.exclude(Exists(seeking)).select_related("person").order_by("registered_on", "id")
