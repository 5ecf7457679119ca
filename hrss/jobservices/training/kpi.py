"""KPI 4 of the plan's 五个100%: “100%有培训就业需求的农村劳动力享受免费技能培训服务”.

Denominator, on a day, in a region: rural labour — a person of 农业 户籍, or of unrecorded 户籍 living in a
村民委员会 (residents.selectors: since the 2014 reform new entries are 居民户口, so the place says it where the 户籍
does not) [believed] — of working age (core.working_age) and in the labour force (residents.labour_status
IN_LABOUR_FORCE), with a training wish: a coded wish (open or met) or the ledger's 培训意愿 flag.
Numerator: those of them who received free training: an enrolment in a free course, completed by the day, or
attending (enrolled in a course that has started by the day).

Counted in the database, grouped by village: the working-age rule becomes, for each sex and retirement category, the
earliest birth month still of working age on the day (found with core.working_age's own rule, which is monotonic
in the birth month), so no person is read into Python."""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Count, Q

from hrss.core import scoping
from hrss.core.dates import from_month_index, month_index, years_before
from hrss.core.working_age import MINIMUM_WORKING_AGE, is_of_working_age
from hrss.jobservices.models import Enrolment, EnrolmentStatus, TrainingWish, WishStatus
from hrss.residents.labour_status import IN_LABOUR_FORCE
from hrss.residents.models import RETIREMENT_CATEGORIES, HukouType, Person
from hrss.residents.selectors import urban_village_codes

DEFINITION = ("农村劳动力：农业户籍，或户籍性质未登记且居住在村民委员会辖区；在法定劳动年龄内且在劳动力中（就业或失业）。"
              "有培训需求：已登记培训意愿（待培训或已培训），或台账“培训意愿”为是。"
              "得到免费培训：参加免费培训班，已结业，或在训且已开班。")

OLDEST_SEARCHED = 100  # years: nobody older is of working age under any rule in force


@dataclass(frozen=True)
class Figure:
    code: str
    name: str
    denominator: int
    numerator: int

    @property
    def rate(self):
        """Percent with two decimals, None when nobody is counted."""
        return round(100 * self.numerator / self.denominator, 2) if self.denominator else None

    @property
    def untrained(self):
        return self.denominator - self.numerator


def rural():
    return Q(hukou_type=HukouType.AGRICULTURAL) | (Q(hukou_type="") & ~Q(region_code__in=urban_village_codes()))


@lru_cache(maxsize=256)
def earliest_birth_of_working_age(sex, category, day):
    """The first day of the earliest birth month whose people have not reached retirement on `day`
    (core.working_age.is_of_working_age, which depends on the birth month only past the age of 16)."""
    youngest = years_before(day, MINIMUM_WORKING_AGE)
    low = month_index(day.year - OLDEST_SEARCHED, 1)
    high = month_index(youngest.year, youngest.month)  # of working age (16 and more)

    def working(index):
        year, month = from_month_index(index)
        return is_of_working_age(datetime.date(year, month, 1), sex, day, category)

    while low < high:  # the first month for which `working` holds; it holds from there on
        middle = (low + high) // 2
        if working(middle):
            high = middle
        else:
            low = middle + 1
    return datetime.date(*from_month_index(low), 1)


def of_working_age(day):
    """Q: 16 or older on `day` and before the retirement month, by sex and retirement category."""
    condition = Q(pk__in=[])
    for sex in ("M", "F"):
        for category in RETIREMENT_CATEGORIES:
            condition |= Q(sex=sex, retirement_category=category,
                           birth_date__gte=earliest_birth_of_working_age(sex, category, day))
    return condition & Q(birth_date__lte=years_before(day, MINIMUM_WORKING_AGE))


def trained_q(day):
    """An enrolment that is free training received by `day`."""
    return Q(course__free=True) & (Q(status=EnrolmentStatus.COMPLETED, completed_on__lte=day)
                                   | Q(status=EnrolmentStatus.ENROLLED, course__starts_on__lte=day,
                                       enrolled_on__lte=day))


def population(user, region, day):
    """The denominator: the people of the user's scope under `region` counted on `day`."""
    return candidates(scoping.within_region(scoping.visible_to(user, Person.objects.all()), region), day)


def candidates(people, day):
    """The denominator among `people` (a queryset of Person) on `day`: the page's people of the user's scope, or a
    region's for the network area's 五个100% (measures.py)."""
    coded = TrainingWish.objects.filter(status__in=[WishStatus.OPEN, WishStatus.MET], recorded_on__lte=day)
    return people.filter(rural(), of_working_age(day), labour_status__in=IN_LABOUR_FORCE).filter(
        Q(wants_training=True) | Q(pk__in=coded.values("person_id")))


def trained(day):
    """Q on people: free training received by `day`."""
    return Q(pk__in=Enrolment.objects.filter(trained_q(day)).values("person_id"))


def figures(user, region, day: datetime.date):
    """(the region's Figure, [a Figure per child region in the user's scope])."""
    by_village = (population(user, region, day).order_by().values("region_code")
                  .annotate(counted=Count("pk"), got=Count("pk", filter=trained(day))))
    by_village = [(row["region_code"], row["counted"], row["got"]) for row in by_village]
    total = Figure(region.code, region.name, sum(row[1] for row in by_village), sum(row[2] for row in by_village))
    children = list(scoping.regions_visible_to(user).filter(parent=region).order_by("code"))
    if not children:
        return total, []
    level = children[0].level
    counts = {child.code: [0, 0] for child in children}
    for code, counted, got in by_village:
        child = scoping.ancestor_code(code, level)
        if child in counts:
            counts[child][0] += counted
            counts[child][1] += got
    return total, [Figure(child.code, child.name, *counts[child.code]) for child in children]


def untrained_people(user, region, day):
    """The people of the denominator who have not received free training (the drill-down), by village and name."""
    return population(user, region, day).exclude(trained(day)).order_by("region_code", "name", "pk")
