"""Reads on the labour-force ledger, always starting from the user's scope."""


from django.db.models import Q
from django.utils import timezone

from hrss.core import scoping
from hrss.core.models import Level
from hrss.core.working_age import MINIMUM_WORKING_AGE, is_of_working_age
from hrss.residents.models import LabourStatus, Person, WorkCapacity

AGE_BANDS = [
    ("under16", "16岁以下", None, 15),
    ("16-24", "16-24岁", 16, 24),
    ("25-34", "25-34岁", 25, 34),
    ("35-44", "35-44岁", 35, 44),
    ("45-54", "45-54岁", 45, 54),
    ("55-59", "55-59岁", 55, 59),
    ("60-64", "60-64岁", 60, 64),
    ("65+", "65岁及以上", 65, None),
]


def people_visible_to(user):
    return scoping.visible_to(user, Person.objects.all())


def aged_between(day, youngest_age, oldest_age):
    """Birth dates of people aged youngest..oldest (inclusive) on `day`; None leaves that end open."""
    condition = Q()
    if youngest_age is not None:
        condition &= Q(birth_date__lte=years_before(day, youngest_age))
    if oldest_age is not None:
        condition &= Q(birth_date__gt=years_before(day, oldest_age + 1))
    return condition


def years_before(day, years):
    """The same calendar day `years` earlier (28 February for a 29 February): a person born on or before it is
    at least `years` old on `day`."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def search_people(user, *, region=None, query="", status="", sex="", band="", day=None):
    """The ledger list: in scope, optionally within a region, by name or the last digits of the ID number."""
    day = day or timezone.localdate()
    people = people_visible_to(user)
    if region is not None:
        people = scoping.within_region(people, region)
    query = (query or "").strip()
    if query:
        if query.isdigit() or query[-1:].upper() == "X" and query[:-1].isdigit():
            people = people.filter(id_number__endswith=query.upper()) if len(query) < 18 else people.filter(
                id_number=query.upper())
        else:
            people = people.filter(name__startswith=query)
    if status:
        people = people.filter(labour_status=status)
    if sex:
        people = people.filter(sex=sex)
    if band:
        for key, _label, youngest, oldest in AGE_BANDS:
            if key == band:
                people = people.filter(aged_between(day, youngest, oldest))
    effective = region or scoping.scope_of(user).region
    if effective is not None and effective.level == Level.VILLAGE:
        return people.order_by("household_id", "id")  # a village's ledger lists households together
    # Above a village, the region index returns rows already in this order: no sort of millions of rows.
    return people.order_by("region_code", "id")


def zero_employment_households(user, region, day=None):
    """Households in which every member of working age able to work is unemployed (零就业家庭), with at least one
    such member. Students and people in military service are not available for work, so they count neither way."""
    day = day or timezone.localdate()
    people = scoping.within_region(people_visible_to(user), region).exclude(household=None)
    candidates = (people.filter(labour_status=LabourStatus.UNEMPLOYED).values_list("household_id", flat=True)
                  .distinct())
    members = (people.filter(household_id__in=list(candidates)).exclude(work_capacity=WorkCapacity.NONE)
               .order_by("household_id"))
    households = {}
    for person in members:
        if person.age_on(day) < MINIMUM_WORKING_AGE:
            continue
        if not is_of_working_age(person.birth_date, person.sex, day, person.retirement_category):
            continue
        if person.labour_status in (LabourStatus.STUDENT, LabourStatus.MILITARY):
            continue  # not available for work, so neither employed nor unemployed
        households.setdefault(person.household_id, []).append(person)
    return {
        household_id: members
        for household_id, members in households.items()
        if members and all(member.labour_status == LabourStatus.UNEMPLOYED for member in members)
    }
