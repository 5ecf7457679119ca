"""Reads of the training part, always starting from the user's scope (core.scoping)."""

from django.db.models import Count, Exists, OuterRef, Q

from hrss.core import scoping
from hrss.core.selectors import place_names  # noqa: F401 - the place column of this part's lists
from hrss.jobservices.models import Course, Enrolment, EnrolmentStatus, TrainingWish, WishStatus
from hrss.residents.models import Person


def courses(user, region):
    return scoping.within_region(scoping.visible_to(user, Course.objects.all()), region)


def with_places_taken(queryset):
    return queryset.annotate(taken=Count("enrolments", filter=~Q(enrolments__status=EnrolmentStatus.DROPPED)))


def enrolments(user, region):
    return scoping.within_region(scoping.visible_to(user, Enrolment.objects.all()), region)


def wishes(user, region):
    return scoping.within_region(scoping.visible_to(user, TrainingWish.objects.all()), region)


def open_wishes(user, region):
    return wishes(user, region).filter(status=WishStatus.OPEN)


def uncoded_wishes(user, region):
    """待细化: people whose ledger says 培训意愿 but who have no coded wish yet (none open or met)."""
    coded = Exists(TrainingWish.objects.filter(person=OuterRef("pk"), status__in=[WishStatus.OPEN, WishStatus.MET]))
    people = scoping.within_region(scoping.visible_to(user, Person.objects.all()), region)
    return people.filter(wants_training=True).exclude(coded)


def wish_labels(person_ids):
    """{person id: "4-03-02-01 技能培训；…"} of their open wishes (the drill-down says what they asked for)."""
    labels = {}
    for wish in TrainingWish.objects.filter(person_id__in=person_ids, status=WishStatus.OPEN).order_by("pk"):
        labels.setdefault(wish.person_id, []).append(f"{wish.occupation_code} {wish.get_kind_display()}")
    return {key: "；".join(values) for key, values in labels.items()}
