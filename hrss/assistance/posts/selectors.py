"""Reads of the posts part, each from the user's scope (core.scoping): posts, placements, vacancies on a day, the
monthly roll and the placements whose subsidy ends soon. Whether a person is a recognised 就业困难人员 on a day is the
recognition part's rule (recognition.selectors.valid_recognition), used here as it is."""

import datetime

from django.db.models import Q

from hrss.assistance.models import Placement, PostStatus, WelfarePost
from hrss.assistance.posts import roll, rules
from hrss.assistance.recognition import selectors as recognition_selectors
from hrss.core import scoping
from hrss.core.dates import month_bounds


def valid_recognition(person, day):
    """The person's recognition in force on `day`, or None: the recognition part's rule."""
    return recognition_selectors.valid_recognition(person, day)


def posts(user, region=None):
    found = scoping.visible_to(user, WelfarePost.objects.all())
    if region is not None:
        found = scoping.within_region(found, region)
    return found.order_by("-open_from", "-id")


def placements(user, region=None):
    found = scoping.visible_to(user, Placement.objects.select_related("person", "post"))
    if region is not None:
        found = scoping.within_region(found, region)
    return found.order_by("-started_on", "-id")


def holding_on(queryset, day):
    """The placements of `queryset` in their post on `day`."""
    return queryset.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day), started_on__lte=day)


def is_open_on(post, day):
    return (post.status == PostStatus.OPEN and post.open_from <= day
            and (post.open_until is None or day <= post.open_until))


def occupied_from(post, day, *, excluding=None):
    """The most people the post holds on any day from `day` on (a placement starting on `day` and not yet ended
    would be with all of them): its occupancy on `day` and at each later start."""
    held = list(Placement.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day), post=post)
                .exclude(pk=excluding).values_list("started_on", "ended_on"))
    moments = {day, *(start for start, _end in held if start > day)}
    return max((sum(1 for start, end in held if start <= moment and (end is None or moment <= end))
                for moment in moments), default=0)


def vacancies_on(post, day):
    if not is_open_on(post, day):
        return 0
    return max(post.headcount - holding_on(post.placements.all(), day).count(), 0)


def open_posts(user, day, region=None):
    """Posts open on `day` with a place free, in the user's scope."""
    return [post for post in posts(user, region).filter(status=PostStatus.OPEN) if vacancies_on(post, day) > 0]


def months_before(person, *, excluding=None):
    return roll.months_used(Placement.objects.filter(person=person).exclude(pk=excluding)
                            .exclude(ended_on__isnull=True))


def roll_lines(user, region, year, month):
    """The month's roll for a region: each placement subsidised on a day of the month, in the user's scope, by
    post's unit, post and start."""
    first, last = month_bounds(year, month)
    found = (scoping.within_region(scoping.visible_to(user, Placement.objects.select_related("person", "post")),
                                   region)
             .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first), started_on__lte=last, subsidy_until__gte=first)
             .order_by("post__unit_name", "post__title", "started_on", "id"))
    return [line for line in (roll.roll_line(placement, year, month) for placement in found) if line is not None]


def ending_soon(user, today, region=None):
    """Placements still held whose subsidy ends within rules.ENDING_SOON_DAYS days (today included)."""
    found = placements(user, region).filter(ended_on__isnull=True, subsidy_until__gte=today,
                                            subsidy_until__lte=today + datetime.timedelta(days=rules.ENDING_SOON_DAYS))
    return found.order_by("subsidy_until", "id")


def holding_count(user, region, day):
    return holding_on(scoping.within_region(scoping.visible_to(user, Placement.objects.all()), region), day).count()


def vacancy_count(user, region, day):
    return sum(vacancies_on(post, day) for post in scoping.within_region(
        scoping.visible_to(user, WelfarePost.objects.filter(status=PostStatus.OPEN)), region))


def subsidised_count(user, region, day):
    return len({line.placement.person_id for line in roll_lines(user, region, day.year, day.month)})
