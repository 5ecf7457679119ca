"""The plan's targets this part measures (五个100%, domain-rules §10), read through core.scoping.

KPI 1 (第一个100%): 免费为100%有就业愿望且对工作不挑不拣的劳动者在10个工作日内提供合适的就业岗位. For each 求职登记
flagged 不挑不拣 (JobSeeker.not_selective) registered in a month: the first suitable offer (the first referral whose
match was suitable when it was made) and its date, due on the 10th working day after the registration date
(core.workdays); on time (offer on or before the due day), late (offer after it, or none and the due day passed),
still due (none yet and the due day not passed). A registration that ended before its due day without an offer (the
person stopped looking, moved, found work alone) no longer "wants work": it is shown as ended and left out of the
rate. The rate is on time ÷ (on time + late); still due ones are not decided yet.

KPI 3 (第三个100%): 劳动者100%享受免费公共就业服务. Among the people who are job seekers (an open 求职登记) or stand
registered unemployed (失业登记), the share with at least one service recorded: a referral, a guidance record
(jobservices.GuidanceRecord) or a training enrolment (jobservices.Enrolment), at any date up to today.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Min, Q

from hrss.core import scoping, workdays
from hrss.core.dates import month_bounds
from hrss.core.id_numbers import mask
from hrss.core.models import Region
from hrss.employment.models import Standing, UnemploymentRegistration
from hrss.jobservices.models import JobSeeker, Referral, SeekerStatus
from hrss.residents.models import Person

# The working days within which a suitable offer is due after the 求职登记, by the day they apply from [sourced:
# the 2011 plan's 五个100% text, domain-rules §10].
OFFER_WORKING_DAYS = (("2011-01-01", 10),)

ON_TIME, LATE, DUE, ENDED, UNKNOWN = "on_time", "late", "due", "ended", "unknown"
STATUS_LABELS = {
    ON_TIME: "按时提供", LATE: "逾期提供或未提供", DUE: "尚在期限内", ENDED: "期限内已结束求职（不计入）",
    UNKNOWN: "无法计算（节假日安排未录入）",
}


def dated(table, day):
    value = None
    for since, item in sorted(table):
        if datetime.date.fromisoformat(since) <= day:
            value = item
    if value is None:
        raise ValueError(f"no value configured for {day}")
    return value


def parse_month(text):
    """(year, month) of "2026-09" (or "2026-9"); ValueError otherwise."""
    year, _, month = (text or "").partition("-")
    year, month = int(year), int(month)
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise ValueError(text)
    return year, month


@dataclass(frozen=True)
class OfferRow:
    """One seeker of KPI 1 (plain values: a city's month holds tens of thousands)."""

    seeker_id: int
    person_id: int
    name: str
    id_number: str
    region_code: str
    registered_on: datetime.date
    due_on: datetime.date | None
    offer_on: datetime.date | None
    status: str

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def masked_id_number(self):
        return mask(self.id_number)


def offer_status(*, registered_on, due_on, offer_on, ended_on, today):
    if due_on is None:
        return UNKNOWN
    if offer_on is not None and offer_on <= today:
        return ON_TIME if offer_on <= due_on else LATE
    if ended_on is not None and ended_on <= due_on:
        return ENDED
    return LATE if today > due_on else DUE


def job_offer_rows(user, region, year, month, *, today):
    """KPI 1 person by person: the not-selective seekers registered in the month in `region` (inside the user's
    scope), each with the due day, the first suitable offer's date and the status on `today`."""
    first, last = month_bounds(year, month)
    seekers = scoping.within_region(scoping.visible_to(user, JobSeeker.objects.filter(
        not_selective=True, registered_on__range=(first, last))), region)
    return offer_rows(seekers, today=today)


def offer_rows(seekers, *, today):
    """KPI 1's rows of the seekers of a queryset (the page's: of the user's scope and a month; the network area's
    五个100%: of a region and a period, measures.py)."""
    offers = dict(Referral.objects.filter(seeker__in=seekers.values("pk"), suitable=True,
                                          referred_on__lte=today).values("seeker_id")
                  .annotate(first=Min("referred_on")).values_list("seeker_id", "first"))
    calendar = workdays.Calendar.load()
    due_days = {}
    rows = []
    for seeker_id, person_id, name, id_number, code, registered_on, status, ended_on in seekers.order_by(
            "region_code", "registered_on", "pk").values_list(
            "pk", "person_id", "person__name", "person__id_number", "region_code", "registered_on", "status",
            "ended_on"):
        if registered_on not in due_days:
            try:
                due_days[registered_on] = calendar.add(registered_on, dated(OFFER_WORKING_DAYS, registered_on))
            except workdays.UnknownArrangement:
                due_days[registered_on] = None
        due_on, offer_on = due_days[registered_on], offers.get(seeker_id)
        rows.append(OfferRow(seeker_id, person_id, name, id_number, code, registered_on, due_on, offer_on,
                             offer_status(registered_on=registered_on, due_on=due_on, offer_on=offer_on,
                                          ended_on=ended_on if status == SeekerStatus.ENDED else None,
                                          today=today)))
    return rows


@dataclass
class OfferFigures:
    on_time: int = 0
    late: int = 0
    due: int = 0
    ended: int = 0
    unknown: int = 0

    def add(self, status):
        setattr(self, status, getattr(self, status) + 1)

    @property
    def counted(self):
        return self.on_time + self.late + self.due

    @property
    def decided(self):
        return self.on_time + self.late

    @property
    def rate(self):
        """On time ÷ decided, in percent (None when nothing is decided yet)."""
        return round(100 * self.on_time / self.decided, 1) if self.decided else None


def figures_of(rows):
    figures = OfferFigures()
    for row in rows:
        figures.add(row.status)
    return figures


def children_of(user, region):
    return list(scoping.regions_visible_to(user).filter(parent=region).order_by("code"))


def by_child(rows, children, code_of):
    """{child: [rows under it]} for rows of one level's children."""
    if not children:
        return {}
    level = children[0].level
    grouped = {child.code: [] for child in children}
    for row in rows:
        code = scoping.ancestor_code(code_of(row), level)
        if code in grouped:
            grouped[code].append(row)
    return {child: grouped[child.code] for child in children}


@dataclass
class JobOfferReport:
    region: Region
    year: int
    month: int
    rows: list
    figures: OfferFigures
    children: list = field(default_factory=list)  # [(child region, OfferFigures)]
    late_by_township: list = field(default_factory=list)  # [(township code, name, [rows])]


def job_offer_report(user, region, year, month, *, today):
    rows = job_offer_rows(user, region, year, month, today=today)
    children = children_of(user, region)
    report = JobOfferReport(region, year, month, rows, figures_of(rows),
                            [(child, figures_of(child_rows))
                             for child, child_rows in by_child(rows, children, lambda r: r.region_code).items()])
    late = {}
    for row in rows:
        if row.status == LATE:
            late.setdefault(scoping.township_code_of(row.region_code), []).append(row)
    names = dict(Region.objects.filter(code__in=list(late)).values_list("code", "name"))
    report.late_by_township = [(code, names.get(code, code), late[code]) for code in sorted(late)]
    return report


# --- KPI 3 ----------------------------------------------------------------------------------------------------


def _model(name):
    """A model of another part, or None while it is not there yet."""
    try:
        return apps.get_model("jobservices", name)
    except LookupError:
        return None


def served_people(people, *, today):
    """The people among `people` (querysets of person ids, read as subqueries: a city holds more people than a
    query may list) with at least one free public employment service recorded up to `today`."""
    def among(field):
        condition = Q(pk__in=[])
        for queryset in people:
            condition |= Q(**{f"{field}__in": queryset})
        return condition

    served = set(Referral.objects.filter(among("seeker__person_id"), referred_on__lte=today)
                 .values_list("seeker__person_id", flat=True))
    for name, dated_field in (("GuidanceRecord", "given_on"), ("Enrolment", "enrolled_on")):
        model = _model(name)
        if model is not None:
            served |= set(model.objects.filter(among("person_id"), **{f"{dated_field}__lte": today})
                          .values_list("person_id", flat=True))
    return served


@dataclass
class ServiceFigures:
    people: int = 0
    served: int = 0

    @property
    def unserved(self):
        return self.people - self.served

    @property
    def rate(self):
        return round(100 * self.served / self.people, 1) if self.people else None


def service_population(user, region, *, today):
    """The open job seekers and the standing registered unemployed of `region`: ({person id: village code},
    [the two querysets of person ids])."""
    seekers = scoping.within_region(scoping.visible_to(user, JobSeeker.objects.filter(
        status=SeekerStatus.ACTIVE, registered_on__lte=today)), region)
    unemployed = scoping.within_region(scoping.visible_to(user, UnemploymentRegistration.objects.filter(
        standing=Standing.REGISTERED)), region)
    people = dict(seekers.values_list("person_id", "region_code"))
    for person_id, code in unemployed.values_list("person_id", "region_code"):
        people.setdefault(person_id, code)
    return people, [seekers.values("person_id"), unemployed.values("person_id")]


def service_report(user, region, *, today):
    """(figures for `region`, [(child, figures)])."""
    people, subqueries = service_population(user, region, today=today)
    served = served_people(subqueries, today=today) & set(people)
    total = ServiceFigures(len(people), len(served))
    children = children_of(user, region)
    rows = []
    for child, members in by_child(list(people.items()), children, lambda item: item[1]).items():
        rows.append((child, ServiceFigures(len(members), sum(person_id in served for person_id, _ in members))))
    return total, rows


def unserved_people(user, region, *, today):
    """The people behind KPI 3's shortfall: open job seekers and registered unemployed of `region` with no service
    recorded yet, by village and name."""
    people, subqueries = service_population(user, region, today=today)
    missing = set(people) - served_people(subqueries, today=today)
    return Person.objects.filter(pk__in=list(missing)).order_by("region_code", "name", "pk")
