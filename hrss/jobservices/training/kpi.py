"""KPI 4 of the plan's 五个100%: “100%有培训就业需求的农村劳动力享受免费技能培训服务”.

Denominator, on a day, in a region: rural labour — a person of 农业 户籍, or of unrecorded 户籍 living in a
村民委员会 (residents.selectors: since the 2014 reform new entries are 居民户口, so the place says it where the 户籍
does not) [believed] — of working age (core.working_age) and in the labour force (residents.labour_status
IN_LABOUR_FORCE), with a training wish: a coded wish (open or met) or the ledger's 培训意愿 flag.
Numerator: those of them who received free training: an enrolment in a free course, completed by the day, or
attending (enrolled in a course that has started by the day)."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from hrss.core import scoping
from hrss.core.working_age import MINIMUM_WORKING_AGE, is_of_working_age
from hrss.jobservices.models import Enrolment, EnrolmentStatus, TrainingWish, WishStatus
from hrss.residents.labour_status import IN_LABOUR_FORCE
from hrss.residents.models import HukouType, Person
from hrss.residents.selectors import aged_between, urban_village_codes

DEFINITION = ("农村劳动力：农业户籍，或户籍性质未登记且居住在村民委员会辖区；在法定劳动年龄内且在劳动力中（就业或失业）。"
              "有培训需求：已登记培训意愿（待培训或已培训），或台账“培训意愿”为是。"
              "得到免费培训：参加免费培训班，已结业，或在训且已开班。")


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


def trained_by(day):
    """Exists: a free training received by `day` (for a Person queryset)."""
    return Exists(Enrolment.objects.filter(person=OuterRef("pk"), course__free=True).filter(
        Q(status=EnrolmentStatus.COMPLETED, completed_on__lte=day)
        | Q(status=EnrolmentStatus.ENROLLED, course__starts_on__lte=day, enrolled_on__lte=day)))


def with_a_wish(day):
    coded = Exists(TrainingWish.objects.filter(person=OuterRef("pk"), status__in=[WishStatus.OPEN, WishStatus.MET],
                                               recorded_on__lte=day))
    return Q(wants_training=True) | Q(coded)


def population(user, region, day):
    """The denominator's candidates in the user's scope under `region`, annotated `trained`, before the working-age
    rule's retirement month (applied in Python, person by person: it depends on birth month, sex and category)."""
    people = scoping.within_region(scoping.visible_to(user, Person.objects.all()), region)
    return (people.filter(rural(), with_a_wish(day), aged_between(day, MINIMUM_WORKING_AGE, None),
                          labour_status__in=IN_LABOUR_FORCE)
            .annotate(trained=trained_by(day)))


def _of_working_age(rows, day):
    return [row for row in rows
            if is_of_working_age(row["birth_date"], row["sex"], day, row["retirement_category"])]


def _rows(user, region, day):
    return _of_working_age(population(user, region, day).values(
        "pk", "region_code", "birth_date", "sex", "retirement_category", "trained"), day)


def figures(user, region, day: datetime.date):
    """(the region's Figure, [a Figure per child region in the user's scope])."""
    rows = _rows(user, region, day)
    total = Figure(region.code, region.name, len(rows), sum(1 for row in rows if row["trained"]))
    children = list(scoping.regions_visible_to(user).filter(parent=region).order_by("code"))
    if not children:
        return total, []
    level = children[0].level
    counts = {child.code: [0, 0] for child in children}
    for row in rows:
        code = scoping.ancestor_code(row["region_code"], level)
        if code in counts:
            counts[code][0] += 1
            counts[code][1] += bool(row["trained"])
    return total, [Figure(child.code, child.name, *counts[child.code]) for child in children]


def untrained_people(user, region, day):
    """The people of the denominator who have not received free training (the drill-down), by village and name."""
    keep = {row["pk"] for row in _rows(user, region, day) if not row["trained"]}
    return scoping.visible_to(user, Person.objects.filter(pk__in=keep)).order_by("region_code", "name", "pk")
