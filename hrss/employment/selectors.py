"""Reads for the employment ledgers (就业登记台账, 失业登记台账, 登记证发放台账) and the monthly figures, for any
region in the user's scope. Every figure is a queryset of people, so each number drills down to the names."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Subquery

from hrss.core import scoping
from hrss.core.dates import month_bounds
from hrss.core.selectors import place_names  # noqa: F401 - the place column of this part's lists
from hrss.employment.models import (
    CancelReason,
    CertificateIssue,
    EmploymentCertificate,
    EmploymentKind,
    EmploymentRegistration,
    Standing,
    UnemploymentRegistration,
)
from hrss.residents import lookups
from hrss.residents.labour_status import HOLDS_A_JOB, LATEST_FIRST
from hrss.residents.models import LabourStatusEvent, Person
from hrss.residents.selectors import in_towns, with_status_on

# The kinds of employment registration that start work (the others end it), here only.
STARTS_WORK = frozenset({EmploymentKind.HIRED, EmploymentKind.SELF_EMPLOYED, EmploymentKind.FLEXIBLE})
# 城镇从业人员 of the rate's denominator: holding a job (residents.labour_status.HOLDS_A_JOB) in town on the month's
# last day; a start of work from HOLDS_A_JOB is a change of job (信息变更), not new employment.
# Cancellation reasons that mean the person found work (art. 67 reasons 1-3).
FOUND_WORK = [CancelReason.HIRED, CancelReason.SELF_EMPLOYED, CancelReason.STABLE_INCOME]


def employment_registrations(user, region):
    return scoping.within_region(scoping.visible_to(user, EmploymentRegistration.objects.all()), region)


def unemployment_registrations(user, region):
    # With its case: a registration under review or not approved shows its case's state.
    return scoping.within_region(scoping.visible_to(user, UnemploymentRegistration.objects.select_related("case")),
                                 region)


def certificate_issues(user, region):
    certificates = scoping.within_region(scoping.visible_to(user, EmploymentCertificate.objects.all()), region)
    return CertificateIssue.objects.filter(certificate__in=certificates)


def worker_for_hire(actor, *, id_number, name="", reach_outside=True):
    """The person an employer's list names, and whether they are in the actor's scope: (person, True) for someone
    in scope, found by the ID number alone; (person, False) for someone from elsewhere, found only when the name
    given matches the ledger's too; (None, False) otherwise. A hire is registered where the employer is, so the
    officer there must reach a worker from another county: this looks the whole ledger up on purpose, and the
    out-of-scope answer needs the pair the employer already holds, so that a guessed number tells nothing. Every
    look beyond the scope, found or not, is counted per user and audited (residents.lookups: TooManyLookups past
    the limit); without `reach_outside` only the actor's scope is looked at, and nothing is counted."""
    person = scoping.visible_to(actor, Person.objects.filter(id_number=id_number)).first()
    if person is not None:
        return person, True
    if not reach_outside:
        return None, False
    lookups.count_lookup_outside_scope(actor=actor, id_number=id_number, action="employment.hire.worker_looked_up")
    person = Person.objects.filter(id_number=id_number).first()  # deliberately unscoped: see above
    if person is not None and name and name.strip() == person.name:
        return person, False
    return None, False


def registered_unemployed_on(user, region, day):
    """Registrations standing on `day`: registered by then and not cancelled by then."""
    return unemployment_registrations(user, region).filter(
        registered_on__lte=day).filter(Q(cancelled_on__isnull=True) | Q(cancelled_on__gt=day))


FIGURES = {
    "new_employment": "城镇新增就业人数",
    "reemployed": "失业人员再就业人数",
    "registered_unemployed": "期末登记失业人数",
    "urban_registered_unemployed": "其中城镇登记失业人数",
    "employed": "城镇从业人员数（月末）",
}

# What each figure counts, shown beside it (the monthly report's definitions as this system applies them).
FIGURE_NOTES = {
    "new_employment": "本月在城镇（居委会辖区的用人单位，或居委会辖区的个体经营、灵活就业人员）开始就业的人数；"
                      "同一人本年度内已计过的不再计入，直接从一份工作换到另一份工作的（岗位变动）不计入。",
    "reemployed": "本月因就业（被录用、个体经营、灵活就业等有稳定收入的劳动）注销失业登记的人数，"
                  "记在其失业登记地。",
    "registered_unemployed": "月末登记失业、尚未注销的人数（城镇和农村）。",
    "urban_registered_unemployed": "其中登记时居住在居委会辖区的人数：城镇登记失业率的分子。",
    "employed": "月末（不是今天）台账状态为单位就业或灵活就业、居住在居委会辖区的人数；"
                "转移就业、务农等农村劳动力不计入；月末仍为登记失业（失业登记未注销）的人员计入登记失业人数，"
                "不计入本项，其失业登记注销后才计入。",
}


def new_employment(registrations, first, last):
    """城镇新增就业: registrations of work starting between `first` and `last` in an urban village (the employer's
    for a hire), of people newly employed: not already counted earlier in the same year, and not moving straight
    from one job to another. The earlier registration and the status history are the person's wherever recorded
    (a fact about the person that only removes rows from the caller's scoped set)."""
    earlier_this_year = EmploymentRegistration.objects.filter(
        person=OuterRef("person"), kind__in=STARTS_WORK, event_date__gte=first.replace(month=1, day=1)).filter(
        Q(event_date__lt=OuterRef("event_date")) | Q(event_date=OuterRef("event_date"), pk__lt=OuterRef("pk")))
    holding_a_job = LabourStatusEvent.objects.filter(person=OuterRef("person"), effective_date__lt=OuterRef(
        "event_date")).order_by(*LATEST_FIRST).values("status")[:1]
    rows = in_towns(registrations.filter(kind__in=STARTS_WORK, event_date__range=(first, last)))
    return rows.exclude(Exists(earlier_this_year)).annotate(status_before=Subquery(holding_a_job)).filter(
        Q(status_before__isnull=True) | ~Q(status_before__in=HOLDS_A_JOB))


def parse_month(text):
    """(year, month) from "2026-11"; ValueError when it is not a month."""
    year, month = (int(part) for part in text.split("-"))
    datetime.date(year, month, 1)
    return year, month


def _rows_behind(user, region, figure, year, month):
    """The rows behind one monthly figure, and the field that names their person."""
    first, last = month_bounds(year, month)
    if figure == "new_employment":
        return new_employment(employment_registrations(user, region), first, last), "person_id"
    if figure == "reemployed":
        # Counted where the person was registered unemployed (their 失业登记 ended because they found work), not
        # where the employer registered the hire: the employer's officer does not learn of the 失业登记.
        return unemployment_registrations(user, region).filter(
            standing=Standing.CANCELLED, cancel_reason__in=FOUND_WORK,
            cancelled_on__range=(first, last)), "person_id"
    if figure == "registered_unemployed":
        return registered_unemployed_on(user, region, last), "person_id"
    if figure == "urban_registered_unemployed":
        return in_towns(registered_unemployed_on(user, region, last)), "person_id"
    if figure == "employed":
        # As of the month's end: a past month keeps its own denominator, whatever people do today. Whoever's
        # current status began by then still had it then (the index answers); only the others are looked up in
        # their history (one lookup per person of a whole city was seconds).
        people = in_towns(scoping.within_region(scoping.visible_to(user, Person.objects.all()), region))
        changed_since = with_status_on(people.filter(Q(status_since__gt=last) | Q(status_since__isnull=True)),
                                       last).filter(status_on_day__in=HOLDS_A_JOB)
        # Registered unemployed wins: whoever's 失业登记 stands at the month's end (a hire from before it awaits
        # its cancellation) is counted there and not here, so no one is in both sides of the rate's base.
        standing = UnemploymentRegistration.objects.filter(registered_on__lte=last).filter(
            Q(cancelled_on__isnull=True) | Q(cancelled_on__gt=last)).values("person_id")
        return people.filter(Q(status_since__lte=last, labour_status__in=HOLDS_A_JOB)
                             | Q(pk__in=changed_since.values("pk"))).exclude(pk__in=standing), "pk"
    raise KeyError(figure)


def people_behind(user, region, figure, year, month):
    """The people behind one monthly figure (the drill-down)."""
    rows, person = _rows_behind(user, region, figure, year, month)
    return rows if person == "pk" else Person.objects.filter(pk__in=rows.values(person))


@dataclass(frozen=True)
class MonthlyFigures:
    new_employment: int
    reemployed: int
    registered_unemployed: int
    urban_registered_unemployed: int
    employed: int  # 城镇从业人员 at the month's end

    @property
    def unemployment_rate(self):
        """城镇登记失业率 = 城镇登记失业人数 / (城镇从业人员 + 城镇登记失业人数) [believed], in percent, all as of the
        month's end; None without a base."""
        base = self.employed + self.urban_registered_unemployed
        return round(100 * self.urban_registered_unemployed / base, 2) if base else None


def monthly_figures(user, region, year, month):
    return MonthlyFigures(**{figure: people_behind(user, region, figure, year, month).count()
                             for figure in FIGURES})


def monthly_figures_of_children(user, region, children, year, month):
    """[(child, MonthlyFigures)] for the regions one level below `region`: one grouped query per figure, not four
    queries per child."""
    counts = {}
    for figure in FIGURES:
        rows, person = _rows_behind(user, region, figure, year, month)
        counts[figure] = scoping.counts_by_child(rows, children, distinct=person)
    return [(child, MonthlyFigures(**{figure: counts[figure][child.code] for figure in FIGURES}))
            for child in children]


def hires_before_registration(registrations):
    """{registration pk: the hire} for open 失业登记 (under review, or registered) whose person was hired by an
    employer before the registration date (any time for one under review), not before the 失业日期 (a hire before it
    is the job that was lost), in a job no 终止劳动关系 with that employer ended before that date: the person held a
    job when registered (登记时已就业). A hire on or after the registration date is re-employment instead, which
    ends the registration itself (employment_registration._register). The proposal's reason is art. 67's 被用人单位
    录用, the only one of its reasons that fits a job held from before the registration [believed]."""
    registrations = list(registrations)
    jobs = {}
    for job in EmploymentRegistration.objects.filter(
            person_id__in={registration.person_id for registration in registrations},
            kind__in=[EmploymentKind.HIRED, EmploymentKind.CONTRACT_ENDED]).order_by("event_date", "pk"):
        jobs.setdefault(job.person_id, []).append(job)
    found = {}
    for registration in registrations:
        if registration.status not in (UnemploymentRegistration.Status.PENDING,
                                       UnemploymentRegistration.Status.REGISTERED):
            continue
        until = registration.registered_on
        person_jobs = jobs.get(registration.person_id, [])
        for hire in person_jobs:
            if hire.kind != EmploymentKind.HIRED or (until is not None and hire.event_date >= until) or (
                    registration.left_job_on is not None and hire.event_date < registration.left_job_on):
                continue
            if not any(job.kind == EmploymentKind.CONTRACT_ENDED and _same_employer(job, hire)
                       and hire.event_date <= job.event_date and (until is None or job.event_date < until)
                       for job in person_jobs):
                found[registration.pk] = hire
                break
    return found


def _same_employer(job, hire):
    return job.employer_code == hire.employer_code if hire.employer_code else job.employer_name == hire.employer_name
