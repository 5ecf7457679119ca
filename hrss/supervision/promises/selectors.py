"""The promises part's reads, through core.scoping: the catalogue as a page shows it, the 一次性告知 ledger, the
service promises measured on core's review cases (服务承诺), and the open cases overdue or nearly due (限时办结).

How a case is measured: from the day it was opened (受理, ReviewCase.opened_at) to the day it was closed (办结,
closed_at), in Heyuan's time; the opening day is not counted (as core.workdays counts), so a case closed the day it
was opened took 0 days. The days are working days or calendar days as the service's promise counts them, and the
promise is the one in force on the day the case was opened (a changed promise does not re-judge old cases). A case
closed by its applicant's withdrawal is not the office's work and is not measured; a refused case is (the office
answered)."""

import datetime
import statistics
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from hrss.core import catalogue, review, scoping, workdays
from hrss.core.dates import month_bounds
from hrss.core.models import Region, ReviewCase
from hrss.core.permissions import levels_of, role_named
from hrss.supervision.models import NoticeSlip
from hrss.supervision.promises import links

Status = ReviewCase.Status
DECIDED = (Status.APPROVED, Status.REJECTED)
NEARLY_DUE_WORKING_DAYS = 2  # 限时办结: a case due within this many working days is flagged with the overdue


# --- the catalogue and the ledger -----------------------------------------------------------------------------


def service_rows(today):
    """Every service of the catalogue with what the list page shows on `today`."""
    return [{"service": service, "documents": service.documents_on(today), "promise": service.promise_label(today)}
            for service in catalogue.services()]


def slips_visible(user, region=None):
    slips = scoping.visible_to(user, NoticeSlip.objects.select_related("given_by"))
    if region is not None:
        slips = scoping.within_region(slips, region)
    return slips.order_by("-given_on", "-pk")


# --- 服务承诺: promised and real time of closed cases ---------------------------------------------------------


def _local_day(moment):
    return timezone.localtime(moment).date()


@dataclass(frozen=True)
class Measured:
    case: catalogue.ClosedCase
    days: int | None  # None: the working-day calendar of a year in between is not loaded
    promised: int | None  # None: no promise in force on the opening day

    @property
    def opened_on(self):
        return self.case.opened_on

    @property
    def closed_on(self):
        return self.case.closed_on

    @property
    def within(self):
        return self.days is not None and self.promised is not None and self.days <= self.promised

    @property
    def late(self):
        return self.days is not None and self.promised is not None and self.days > self.promised


def measure(case, service, calendar):
    """`case` (a catalogue.ClosedCase) against the promise in force on the day it was opened."""
    opened, closed = case.opened_on, case.closed_on
    if service.working_days:
        try:
            days = calendar.working_days_after(opened, closed)
        except workdays.UnknownArrangement:
            days = None
    else:
        days = (closed - opened).days
    return Measured(case, days, service.promised_days_on(opened))


def closed_cases(user, region, year, month, *, case_type=None):
    """The review cases of the catalogue's services closed (decided) in the month, in the user's scope and
    `region`."""
    first, last = month_bounds(year, month)
    types = [case_type] if case_type else list(catalogue.case_types())
    cases = ReviewCase.objects.filter(case_type__in=types, status__in=DECIDED, closed_at__date__gte=first,
                                      closed_at__date__lte=last)
    return scoping.within_region(scoping.visible_to(user, cases), region).order_by("closed_at", "pk")


def _as_closed(case):
    return catalogue.ClosedCase(case.title, case.region_code, _local_day(case.opened_at), _local_day(case.closed_at),
                                case.get_status_display())


def measured_services():
    """The services 服务承诺 measures: those on review cases and those that give their own closed cases."""
    return [service for service in catalogue.services() if service.case_type or service.closed]


def closed_of(service, user, region, year, month, *, review_cases=None):
    """The cases of `service` closed in the month (catalogue.ClosedCase), in the user's scope and `region`."""
    if service.case_type:
        cases = review_cases if review_cases is not None else closed_cases(user, region, year, month,
                                                                            case_type=service.case_type)
        return [_as_closed(case) for case in cases]
    first, last = month_bounds(year, month)
    return sorted(service.closed(user, region, first, last), key=lambda case: (case.closed_on, case.title))


@dataclass(frozen=True)
class PromiseRow:
    service: catalogue.Service
    closed: int
    within: int
    late: int
    unknown: int  # not judged: days not computable (a holiday arrangement missing), or no promise then
    median: float | None
    longest: int | None
    promise: str  # the promise in force on the month's last day, in words

    @property
    def rate(self):
        judged = self.within + self.late
        return round(100 * self.within / judged, 1) if judged else None


def promise_rows(user, region, year, month, *, calendar=None):
    """服务承诺 for a region and a month: one row per service that had a case closed in the month (cases closed,
    within the promise, the median and the longest real time): review cases, petitions replied, inspection cases
    concluded."""
    calendar = calendar or workdays.Calendar.load()
    by_type = {}
    for case in closed_cases(user, region, year, month):
        by_type.setdefault(case.case_type, []).append(case)
    rows = []
    last_day = month_bounds(year, month)[1]
    for service in measured_services():
        cases = closed_of(service, user, region, year, month, review_cases=by_type.get(service.case_type, []))
        if not cases:
            continue
        measured = [measure(case, service, calendar) for case in cases]
        days = [row.days for row in measured if row.days is not None]
        within, late = sum(row.within for row in measured), sum(row.late for row in measured)
        rows.append(PromiseRow(service, len(measured), within, late, len(measured) - within - late,
                               statistics.median(days) if days else None,
                               max(days) if days else None, service.promise_label(last_day)))
    return rows


def measured_cases(user, region, year, month, service, *, calendar=None):
    """The drill-down of a promise row: each case closed in the month with its real and promised days."""
    calendar = calendar or workdays.Calendar.load()
    return [measure(case, service, calendar) for case in closed_of(service, user, region, year, month)]


def within_promise_count(user, region, year, month):
    return sum(row.within for row in promise_rows(user, region, year, month))


# --- 限时办结: open cases overdue or nearly due -------------------------------------------------------------


def holding_office(case, step):
    """The code of the office whose staff hold `step` of `case`: the case's region's ancestor at the deepest level
    the step's roles are held at (the village's assistant, the township's reviewer, the county's approver)."""
    own = scoping.level_of_code(case.region_code)
    levels = {level for role in step.roles for level in levels_of(role)}
    fitting = [level for level in levels if level <= own] or [own]
    return scoping.ancestor_code(case.region_code, max(fitting))


@dataclass(frozen=True)
class Flagged:
    case: ReviewCase
    service: catalogue.Service
    step_label: str
    holders: str  # the roles that act at the step, in words
    office_code: str
    timing: review.Timing
    overdue: bool  # the step's deadline has passed (otherwise it falls within the next working days)
    staff: str = ""  # the names of the office's active staff holding one of the step's roles
    url: str = ""  # the case's page in its area (links.case_urls), "" when the area has none


def open_cases_due(user, region, today):
    """The open cases of the catalogue's services in the user's scope and `region` whose step is due within
    NEARLY_DUE_WORKING_DAYS working days or overdue (core.review.timing), most overdue first."""
    calendar = workdays.Calendar.load()
    types = catalogue.case_types()
    try:
        horizon = calendar.add(today, NEARLY_DUE_WORKING_DAYS)
    except workdays.UnknownArrangement:
        horizon = today + datetime.timedelta(days=NEARLY_DUE_WORKING_DAYS)
    cases = ReviewCase.objects.filter(case_type__in=list(types), status__in=[Status.OPEN, Status.RETURNED],
                                      due_date__lte=horizon)
    cases = scoping.within_region(scoping.visible_to(user, cases), region).order_by("due_date", "opened_at", "pk")
    rows = []
    for case in cases:
        chain = review.chain_of(case)
        step = chain.intake if case.status == Status.RETURNED else chain.step(case.step)
        rows.append((case, step, holding_office(case, step)))
    staff = _staff_of({(office, step.roles) for _case, step, office in rows})
    urls = links.case_urls(case for case, _step, _office in rows)
    flagged = []
    for case, step, office in rows:
        label = "退回补正（待村(社区)重新提交）" if case.status == Status.RETURNED else step.label
        holders = "、".join(str(role_named(role).label) for role in sorted(step.roles, key=str))
        flagged.append(Flagged(case, types[case.case_type], label, holders, office, review.timing(case, calendar, today),
                               case.due_date < today, staff.get((office, step.roles), ""), urls.get(case.pk, "")))
    return flagged


def _staff_of(pairs):
    """{(office code, roles): "张三、李四"}: the active accounts of each office holding one of the roles, in one query."""
    if not pairs:
        return {}
    held = {}
    users = (get_user_model().objects.filter(is_active=True, region__code__in={office for office, _roles in pairs},
                                             role_grants__role__in={str(role) for _o, roles in pairs for role in roles})
             .values_list("region__code", "role_grants__role", "full_name", "username").order_by("username"))
    for office, role, full_name, username in users:
        held.setdefault((office, role), []).append(full_name or username)
    return {(office, roles): "、".join(dict.fromkeys(name for role in sorted(roles, key=str)
                                                      for name in held.get((office, str(role)), [])))
            for office, roles in pairs}


def overdue_count(user, region, today):
    """Open cases of the catalogue's services in scope whose step's deadline has passed."""
    cases = ReviewCase.objects.filter(case_type__in=list(catalogue.case_types()),
                                      status__in=[Status.OPEN, Status.RETURNED], due_date__lt=today)
    return scoping.within_region(scoping.visible_to(user, cases), region).count()


def grouped_by_office(flagged):
    """[(office Region or None, [Flagged])], offices in code order."""
    groups = {}
    for row in flagged:
        groups.setdefault(row.office_code, []).append(row)
    names = {region.code: region for region in Region.objects.filter(code__in=list(groups))}
    return [(names.get(code), groups[code]) for code in sorted(groups)]


def children_of(user, region):
    return list(scoping.visible_to(user, Region.objects.filter(parent=region, is_active=True)).order_by("code"))


