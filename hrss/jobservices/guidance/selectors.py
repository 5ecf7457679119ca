"""Reads of the guidance part: the guidance ledger (职业指导台账) and the job fairs of a region, each starting from
core.scoping, and what a fair came to (employers, vacancies, visitors, hires)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from hrss.core import scoping
from hrss.core.models import Region
from hrss.core.selectors import place_names  # noqa: F401 - the place column of this part's lists
from hrss.jobservices.models import (
    FairAttendance,
    FairVacancy,
    GuidanceRecord,
    JobFair,
    NextStep,
    Referral,
    ReferralOutcome,
)

# A next step shows among the office's pending work from this many days before its date [believed].
FOLLOW_UP_NOTICE = datetime.timedelta(days=7)


def guidance_records(user, region):
    """The guidance records of people of `region` (in the user's scope), newest first."""
    records = scoping.visible_to(user, GuidanceRecord.objects.all())
    return scoping.within_region(records, region).select_related("person").order_by("-given_on", "-id")


def follow_ups_due(user, today):
    """The records of the user's own office whose next step is dated within FOLLOW_UP_NOTICE or past, with no later
    guidance of the same person since (which would be the follow-up): its pending work, earliest first."""
    later = GuidanceRecord.objects.filter(person=OuterRef("person"), given_on__gt=OuterRef("given_on"))
    records = scoping.visible_to(user, GuidanceRecord.objects.filter(office_id=user.region_id))
    return (records.filter(next_on__isnull=False, next_on__lte=today + FOLLOW_UP_NOTICE)
            .exclude(next_step=NextStep.NONE).filter(~Exists(later))
            .select_related("person").order_by("next_on", "id"))


def guidance_by_child(user, region):
    """[(child region, records, people)] for each region directly below `region` (none for a village): the
    ledger's figures per region, each a link down to its people."""
    children = list(Region.objects.filter(parent=region, is_active=True).order_by("code"))
    records = scoping.within_region(scoping.visible_to(user, GuidanceRecord.objects.all()), region)
    counted = scoping.counts_by_child(records, children)
    people = scoping.counts_by_child(records, children, distinct="person")
    return [(child, counted[child.code], people[child.code]) for child in children]


def fairs(user, region):
    """The fairs held in `region` (its own office's and those of the offices below it), newest first, with their
    figures counted in the same query."""
    found = scoping.within_region(scoping.visible_to(user, JobFair.objects.all()), region)
    return found.annotate(
        vacancy_count=Count("offers", distinct=True),
        employer_count=Count("offers__vacancy__employer", distinct=True),
        attendance_count=Count("attendances", distinct=True),
        hire_count=Count("referrals", filter=Q(referrals__outcome=ReferralOutcome.HIRED), distinct=True),
    ).order_by("-held_on", "-id")


@dataclass
class FairFigures:
    employers: int
    vacancies: int
    places: int  # the vacancies' headcount
    registered_visitors: int
    walk_ins: int
    referrals: int
    hires: int

    @property
    def visitors(self):
        return self.registered_visitors + self.walk_ins


def fair_figures(fair):
    """What a fair came to. Hires are the referrals made at the fair (Referral.fair) whose outcome is hired."""
    offers = FairVacancy.objects.filter(fair=fair).select_related("vacancy")
    referrals = Referral.objects.filter(fair=fair)
    return FairFigures(
        employers=offers.values("vacancy__employer").distinct().count(),
        vacancies=offers.count(),
        places=sum(offer.vacancy.headcount for offer in offers),
        registered_visitors=FairAttendance.objects.filter(fair=fair).count(),
        walk_ins=fair.walk_in_count,
        referrals=referrals.count(),
        hires=referrals.filter(outcome=ReferralOutcome.HIRED).count(),
    )


def fair_hires(fair):
    return (Referral.objects.filter(fair=fair, outcome=ReferralOutcome.HIRED)
            .select_related("seeker__person", "vacancy__employer").order_by("outcome_on", "id"))
