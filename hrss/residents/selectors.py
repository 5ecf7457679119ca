"""Reads on the labour-force ledger, always starting from the user's scope."""


from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from hrss.core import scoping
from hrss.core.dates import years_before
from hrss.core.models import Level, Region
from hrss.core.working_age import MINIMUM_WORKING_AGE, is_of_working_age
from hrss.residents.labour_status import LATEST_FIRST
from hrss.residents.models import Household, LabourStatus, LabourStatusEvent, Person, Relation, WorkCapacity

# 城镇 and 农村, as every urban figure of this system counts them: a person or household of a 居民委员会 (社区) is
# urban, of a 村民委员会 rural. This is the NBS 城乡 division by place (村级 code segment 001-199 居委会, 200-399
# 村委会: hrss/core/data/heyuan/README.md), which Guangdong's 零就业家庭 rule also uses ("城镇地址") [sourced:
# S-GD-2023]. 户籍性质 is not used: since the 2014 reform new entries are 居民户口, neither 农业 nor 非农业.
# Whether the monthly report counts by place or by 户籍 is [believed], not sourced (docs/urban-and-rural.md).
URBAN_COMMITTEE = "居委会"
URBAN_DEFINITION = ("城镇：居住在居民委员会（社区）辖区，即村级区划代码第10–12位为001–199；"
                    "村民委员会（200–399）辖区为农村。")

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


def urban_village_codes():
    """The codes of the urban villages (居委会/社区), as a subquery."""
    return Region.objects.filter(level=Level.VILLAGE, kind=URBAN_COMMITTEE).values("code")


def in_towns(queryset, field="region_code", *, urban=True):
    """The rows of `queryset` whose `field` names an urban village (or, `urban=False`, any other region)."""
    condition = Q(**{f"{field}__in": urban_village_codes()})
    return queryset.filter(condition) if urban else queryset.exclude(condition)


def with_status_on(people, day):
    """`people` annotated with `status_on_day`: the labour status in force on `day` from the status history (None
    for someone entered in the ledger later), not today's status."""
    latest = LabourStatusEvent.objects.filter(person=OuterRef("pk"), effective_date__lte=day).order_by(
        *LATEST_FIRST).values("status")[:1]
    return people.annotate(status_on_day=Subquery(latest))


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


def zero_employment_households(user, region, day=None, *, urban=True):
    """零就业家庭: urban households (see URBAN_DEFINITION) in which every member of working age able to work is
    unemployed, with at least one such member. Students and people in military service are not available for work,
    so they count neither way. `urban=False` gives the same figure for rural households, which is a separate
    count (农村家庭无人就业), not 零就业家庭.

    A household counts only when the ledger links people to it: two or more members, or one recorded as 户主. A
    person entered without household details gets a household of their own (register_person), and that alone does
    not make them a one-person 零就业家庭."""
    day = day or timezone.localdate()
    people = scoping.within_region(people_visible_to(user), region).exclude(household=None)
    people = in_towns(people, urban=urban)
    candidates = list(people.filter(labour_status=LabourStatus.UNEMPLOYED).values_list("household_id", flat=True)
                      .distinct())
    linked = set(Household.objects.filter(pk__in=candidates).annotate(size=Count("members")).filter(
        Q(size__gte=2) | Exists(Person.objects.filter(household=OuterRef("pk"), relation_to_head=Relation.HEAD)))
        .values_list("pk", flat=True))
    members = (people.filter(household_id__in=linked).exclude(work_capacity=WorkCapacity.NONE)
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
