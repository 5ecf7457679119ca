"""Reads of the coverage part (KPI 5, "100%的城乡居民得到社会保险服务"), through core.scoping: who of the ledger is in
scope on a day (rules.py), how each is insured, counted per region with aggregate queries (tally: one grouped scan of
the ledger and one grouped count of each source table, no loop over people, a city holds a million), the people behind
each number (coverage_case: the same rules as one CASE a person), and the employees' scheme records (城镇职工基本养老保险
as given).

A person counts once, under the first kind that holds on the day, in this order: the employees' scheme (a record in
force), an enterprise retiree (managed or not yet), a residents' pension (paying or suspended), a standing residents'
enrolment (active or drawing). So the kinds and the uninsured add up to the residents in scope."""

from dataclasses import dataclass

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Substr

from hrss.core import scoping
from hrss.core.dates import age_on, years_before
from hrss.core.id_numbers import mask
from hrss.core.models import Region
from hrss.pensions.coverage import rules
from hrss.pensions.models import (
    DeathReport,
    EmployeeSchemeRecord,
    Enrolment,
    EnrolmentEndReason,
    EnrolmentState,
    Pension,
    PensionState,
    Retiree,
    RetireeState,
)
from hrss.residents.models import LabourStatus, Person

DEAD, UNINSURED, EMPLOYEES, RETIREE, PENSION, ENROLMENT = -1, 0, 1, 2, 3, 4


@dataclass(frozen=True)
class Kind:
    code: str  # the ?kind= of the pages and the API
    value: int | None  # the annotation's value; None for a group of values
    label: str
    description: str


KINDS = (
    Kind("employees", EMPLOYEES, "职工养老保险", "城镇职工基本养老保险在保（按单位、税务或本人提供的信息）"),
    Kind("retiree", RETIREE, "企业退休人员", "领取企业职工基本养老金的退休人员"),
    Kind("pension", PENSION, "领取居民养老金", "城乡居民养老保险待遇正常发放或暂停发放中"),
    Kind("enrolment", ENROLMENT, "居民养老保险参保", "城乡居民养老保险参保缴费（或已转领取）"),
)
INSURED = Kind("insured", None, "已参保", "职工养老保险在保、企业退休、领取居民养老金或居民养老保险参保的人员")
UNINSURED_KIND = Kind("uninsured", UNINSURED, "未参保", "在范围内、未参加职工或居民养老保险、未领取养老金的人员")
IN_SCOPE = Kind("in_scope", None, "在范围人数", "年满16周岁、非在校学生、未死亡的台账人员")
ALL_KINDS = {kind.code: kind for kind in (IN_SCOPE, *KINDS, INSURED, UNINSURED_KIND)}


# --- who, on a day ------------------------------------------------------------------------------------------


def employee_scheme_in_force_q(day):
    """EmployeeSchemeRecord rows in force on `day`: started, and not ended before it (ending on `day` still counts)."""
    return Q(since__lte=day) & (Q(until__isnull=True) | Q(until__gte=day))


def sources(day):
    """[(kind's value, queryset of the table's rows that make a person that kind on `day`)], in the order they
    count: the deaths first, then the insured kinds. The one statement of who is what (coverage_case and the
    counts both read it)."""
    return [
        (DEAD, DeathReport.objects.filter(died_on__lte=day)),
        (DEAD, Pension.objects.filter(died_on__isnull=False, died_on__lte=day)),
        (DEAD, Enrolment.objects.filter(end_reason=EnrolmentEndReason.DEATH)
         .filter(Q(ended_on__isnull=True) | Q(ended_on__lte=day))),
        (DEAD, Retiree.objects.filter(state=RetireeState.DIED, died_on__lte=day)),
        (EMPLOYEES, EmployeeSchemeRecord.objects.filter(employee_scheme_in_force_q(day))),
        (RETIREE, Retiree.objects.filter(state__in=[RetireeState.MANAGED, RetireeState.NOT_MANAGED])),
        (PENSION, Pension.objects.filter(state__in=[PensionState.PAYING, PensionState.SUSPENDED])),
        (ENROLMENT, Enrolment.objects.filter(state__in=[EnrolmentState.ACTIVE, EnrolmentState.DRAWING])),
    ]


def coverage_case(day):
    """The kind of each person on `day` as one CASE (DEAD first, then the insured kinds in order, else UNINSURED):
    each EXISTS looks its table up by the person's index, and the first that holds stops the rest. For lists of
    people; the counts go the other way round (tally)."""
    person = OuterRef("pk")
    found = sources(day)
    died = Q()
    for value, rows in found:
        if value == DEAD:
            died |= Q(Exists(rows.filter(person=person)))
    return Case(When(died, then=Value(DEAD)),
                *[When(Exists(rows.filter(person=person)), then=Value(value)) for value, rows in found
                  if value != DEAD],
                default=Value(UNINSURED), output_field=IntegerField())


def in_scope_q(day, prefix=""):
    """People (through `prefix`, e.g. "person__") of the scope's age who are not students, on `day`: born on or
    before the same day that many years earlier (core.dates.years_before)."""
    scope = rules.coverage_scope_on(day)
    q = Q(**{f"{prefix}birth_date__lte": years_before(day, scope.minimum_age)})
    if scope.students_excluded:
        q &= ~Q(**{f"{prefix}labour_status": LabourStatus.STUDENT})
    return q


def people_in_scope(queryset, day):
    """The living people of `queryset` in scope on `day`, each with `coverage` (its kind's value): for lists of
    people (the counts are tally's)."""
    return queryset.filter(in_scope_q(day)).annotate(coverage=coverage_case(day)).exclude(coverage=DEAD)


def _people(user, region):
    rows = scoping.visible_to(user, Person.objects.all())
    return scoping.within_region(rows, region) if region is not None else rows


@dataclass
class Counts:
    """The figures of one region: residents in scope, each kind, the insured and the uninsured."""

    in_scope: int = 0
    by_kind: dict = None
    uninsured: int = 0

    def __post_init__(self):
        self.by_kind = dict(self.by_kind or {})

    @property
    def insured(self):
        return sum(self.by_kind.values())

    @property
    def share(self):
        """The insured's share of the residents in scope (0..1), None when nobody is in scope."""
        return self.insured / self.in_scope if self.in_scope else None

    @property
    def share_text(self):
        """The share as a page shows it ("93.8%"), "—" when nobody is in scope."""
        return "—" if self.share is None else f"{self.share * 100:.1f}%"

    def of(self, code):
        if code == "in_scope":
            return self.in_scope
        if code == "insured":
            return self.insured
        if code == "uninsured":
            return self.uninsured
        return self.by_kind.get(ALL_KINDS[code].value, 0)

    def cells(self):
        """(kind, count) for the table's columns, in order."""
        return [(kind, self.of(kind.code)) for kind in (IN_SCOPE, *KINDS, INSURED, UNINSURED_KIND)]

    def minus(self, others):
        """What is left of these counts after the others' (a region's own people, not in any child region)."""
        left = Counts()
        left.in_scope = self.in_scope - sum(other.in_scope for other in others)
        left.uninsured = self.uninsured - sum(other.uninsured for other in others)
        left.by_kind = {value: count - sum(other.by_kind.get(value, 0) for other in others)
                        for value, count in self.by_kind.items()}
        return left


def _grouped(queryset, field, length, counted):
    """{prefix of `field` of `length` (or "" for all): number of distinct `counted`} of a queryset."""
    rows = queryset.order_by()
    number = Count(counted, distinct=counted != "pk")  # a person's rows in a source table: the person once
    if not length:
        return {"": rows.aggregate(n=number)["n"]}
    rows = rows.annotate(child_prefix=Substr(field, 1, length)).values("child_prefix")
    return {row["child_prefix"]: row["n"] for row in rows.annotate(n=number)}


def tally(user, region, day, length=0):
    """{code prefix of `length` ("" for the whole region): Counts} of the people of `region` in the user's scope
    on `day`. Counted from the other side: the people of age and not students, one grouped count over the ledger;
    then each source table's rows of such people (few beside the ledger), each person once, under the first
    source that holds (an earlier one excluded by NOT EXISTS on the source's small table). The dead come off the
    residents in scope, the insured are counted by kind, the rest are the uninsured. No per-person subquery over
    the ledger: a city of a million people is one scan."""
    scope = scoping.scope_of(user)
    if region is None or not scope.contains_code(region.code):
        return {}
    return tally_rows(lambda rows: scoping.within_region(scoping.visible_to(user, rows), region), day, length)


def tally_rows(restrict, day, length=0):
    """tally's count of the rows `restrict` (a function of a queryset) keeps: the user's scope and region for the
    pages, a region alone for the network area's 五个100% (measures.py), which checks the scope itself."""
    people_rows = restrict(Person.objects.filter(in_scope_q(day)))
    base = _grouped(people_rows, "region_code", length, "pk")
    found = {prefix: Counts(in_scope=count) for prefix, count in base.items()}
    earlier = []
    for value, rows in sources(day):
        # Each table's rows of the region by their own region code (they follow their person, residents'
        # after_person_moved), so that the small table leads the join, not the ledger.
        counted = restrict(rows).filter(in_scope_q(day, "person__"))
        for before in earlier:
            counted = counted.exclude(Exists(before.filter(person=OuterRef("person_id"))))
        earlier.append(rows)
        for prefix, count in _grouped(counted, "region_code", length, "person_id").items():
            counts = found.setdefault(prefix, Counts())
            if value == DEAD:
                counts.in_scope -= count
            else:
                counts.by_kind[value] = counts.by_kind.get(value, 0) + count
    for counts in found.values():
        counts.uninsured = counts.in_scope - counts.insured
    return found


def counts(user, region, day):
    """The Counts of `region` (within the user's scope) on `day`: a few aggregate queries (tally)."""
    return tally(user, region, day).get("", Counts())


def child_regions(user, region):
    return list(scoping.visible_to(user, Region.objects.filter(parent=region, is_active=True)).order_by("code"))


def counts_by_child(user, region, day, children=None):
    """(total Counts of `region`, {child code: Counts}, own Counts or None) on `day`, grouped by the child regions'
    code prefix (tally). `own` holds the region's people who are in none of its child regions (a person registered
    at a township's own code), so that the children and `own` add up to the total."""
    children = child_regions(user, region) if children is None else children
    if not children:
        return counts(user, region, day), {}, None
    by_prefix = tally(user, region, day, len(children[0].prefix))
    total = Counts()
    for counts_of_prefix in by_prefix.values():
        total.in_scope += counts_of_prefix.in_scope
        total.uninsured += counts_of_prefix.uninsured
        for value, count in counts_of_prefix.by_kind.items():
            total.by_kind[value] = total.by_kind.get(value, 0) + count
    by_child = {child.code: by_prefix.get(child.prefix, Counts()) for child in children}
    own = total.minus(list(by_child.values()))
    return total, by_child, own if own.in_scope else None


def people(user, region, day, *, kind="uninsured", q=""):
    """The people behind one number of the coverage table (`kind`: a code of ALL_KINDS), filtered by name or ID
    number, ordered by village, name. Each has `coverage`."""
    rows = people_in_scope(_people(user, region), day)
    chosen = ALL_KINDS.get(kind, UNINSURED_KIND)
    if chosen.code == "insured":
        rows = rows.exclude(coverage=UNINSURED)
    elif chosen.value is not None:
        rows = rows.filter(coverage=chosen.value)
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(name__contains=q) | Q(id_number=q.upper()))
    return rows.order_by("region_code", "name", "pk")


def kind_label(value):
    for kind in (*KINDS, UNINSURED_KIND):
        if kind.value == value:
            return kind.label
    return ""


PEOPLE_HEADER = ["序号", "村(社区)", "姓名", "公民身份号码", "性别", "年龄", "就业状态", "参保情况", "联系电话",
                 "入户宣传情况", "本人签名"]


def people_rows(persons, day, places):
    """What a line of the people list shows for each person (in order): a dict for the page, `cells` for the .xlsx
    (the ID number masked, as every list and export shows it)."""
    out = []
    for number, person in enumerate(persons, start=1):
        row = {"person": person, "place": places.get(person.region_code, ""), "masked": mask(person.id_number),
               "age": age_on(person.birth_date, day), "kind": kind_label(person.coverage),
               "status": person.get_labour_status_display()}
        row["cells"] = [number, row["place"], person.name, row["masked"], person.get_sex_display(), row["age"],
                        row["status"], row["kind"], person.phone, "", ""]
        out.append(row)
    return out


def coverage_of(person, day):
    """How `person` stands on `day`: (in scope, why not, kind's value): for the person page's panel."""
    scope = rules.coverage_scope_on(day)
    if age_on(person.birth_date, day) < scope.minimum_age:
        return False, f"未满{scope.minimum_age}周岁", None
    if scope.students_excluded and person.labour_status == LabourStatus.STUDENT:
        return False, "在校学生", None
    value = Person.objects.filter(pk=person.pk).annotate(coverage=coverage_case(day)).values_list(
        "coverage", flat=True).first()
    if value == DEAD:
        return False, "已死亡", None
    return True, "", value


# --- the employees' scheme records ---------------------------------------------------------------------------


def employee_scheme_record_of(person, day):
    """The person's employees' scheme record in force on `day`, or None: the enrolment part's check that a person
    in the employees' scheme may not enrol (the contract this part offers)."""
    return (EmployeeSchemeRecord.objects.filter(employee_scheme_in_force_q(day), person=person)
            .order_by("-since", "-pk").first())


def employee_scheme_records(user, region=None, *, day, state="", q=""):
    """The employees' scheme records of the scope (of `region`), newest first; `state` "in_force" (on `day`) or
    "ended"; a name or ID number."""
    rows = scoping.visible_to(user, EmployeeSchemeRecord.objects.select_related("person"))
    if region is not None:
        rows = scoping.within_region(rows, region)
    if state == "in_force":
        rows = rows.filter(employee_scheme_in_force_q(day))
    elif state == "ended":
        rows = rows.filter(until__lt=day)
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(person__name__contains=q) | Q(person__id_number=q.upper()))
    return rows.order_by("-since", "-pk")


def records_of(person):
    return EmployeeSchemeRecord.objects.filter(person=person).order_by("-since", "-pk")
