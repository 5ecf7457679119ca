"""Reads of the inspection part, through core.scoping: the 监察案件台账 of a region with its filters, how a case
stands against its two deadlines (in working days, as core.review.timing counts), the 欠薪 figures of a region, the
inspectors' and the approver's queues."""

import dataclasses
import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Sum

from hrss.core import scoping, workdays
from hrss.core.id_numbers import mask
from hrss.supervision import deadlines, inputs
from hrss.supervision.models import (
    INSPECTION_OPEN_STATES,
    ExtensionState,
    InspectionCase,
    InspectionSource,
    InspectionState,
    InspectionWorker,
)
from hrss.supervision.ratings.selectors import inspection_office_name

SOON_WORKING_DAYS = 3  # the pending work's "due soon": within this many working days
WAGE_MATTER = "拖欠工资"  # a case with wages owed (workers or an amount)
OTHER_MATTER = "涉嫌违反劳动保障法律法规"
PENDING = "截止日期待定（节假日安排未录入）"  # a due date stored null until its year's holidays are loaded
ESTIMATE_NOTE = "暂按周一至周五计，节假日安排录入后核定"  # beside an estimate of a due date 待定 (display only)


def issuer_name(region_code):
    """Who signs a case's papers: the county's 劳动保障监察机构 (the name the rating page gives it too)."""
    return inspection_office_name(region_code)


def matter_of(case):
    """What the complaint was about, for a sentence "…反映的<用人单位><matter>一事" (never the pasted summary)."""
    return WAGE_MATTER if case.amount_owed or case.workers.exists() else OTHER_MATTER


def _scoped(user, queryset, region):
    rows = scoping.visible_to(user, queryset)
    return scoping.within_region(rows, region) if region is not None else rows


def cases(user, region=None):
    """Every case of the user's scope (of `region` inside it)."""
    return _scoped(user, InspectionCase.objects.select_related("inspector"), region)


def overdue_q(today):
    """The cases whose running period ended before `today`: not decided on within the acceptance period, or not
    concluded within the (extended) conclusion period. A due date 待定 (null) is never overdue: SQL's comparison
    with null leaves the case out."""
    return (Q(state=InspectionState.RECEIVED, accept_due__lt=today)
            | Q(state=InspectionState.OPEN, conclude_due__lt=today))


def due_by_q(today, last_day):
    """The cases whose running period ends between `today` and `last_day` (both included)."""
    return (Q(state=InspectionState.RECEIVED, accept_due__gte=today, accept_due__lte=last_day)
            | Q(state=InspectionState.OPEN, conclude_due__gte=today, conclude_due__lte=last_day))


STATE_FILTERS = ("unfinished", *InspectionState.values)  # "unfinished": 待受理、待立案、调查中


def ledger(user, region, today, *, state="", source="", overdue=False, month="", this_year=False, q="", owed=False):
    """The 监察案件台账's cases, filtered: a state (or "unfinished"), a source, only the overdue, received in a month
    (YYYY-MM) or this year, an employer's name or code or the case number, only those with a worker still owed
    wages (the statistics' figure); the newest first."""
    rows = cases(user, region)
    if owed:
        rows = rows.exclude(state=InspectionState.NOT_ACCEPTED).filter(Exists(InspectionWorker.objects.filter(
            case=OuterRef("pk"), amount_recovered__lt=F("amount_owed"))))
    if state == "unfinished":
        rows = rows.filter(state__in=INSPECTION_OPEN_STATES)
    elif state in InspectionState.values:
        rows = rows.filter(state=state)
    if source in InspectionSource.values:
        rows = rows.filter(source=source)
    if overdue:
        rows = rows.filter(overdue_q(today))
    bounds, _refused = inputs.month_filter(month, today)  # the page and the API say why a month is refused
    if bounds:
        rows = rows.filter(received_on__range=bounds)
    if this_year:
        rows = rows.filter(received_on__year=today.year)
    text = q.strip()
    if text:
        rows = rows.filter(Q(employer_name__contains=text) | Q(number=text.upper()) | Q(employer_uscc=text.upper())
                           | Q(workers__name=text) | Q(complainant_name=text)).distinct()
    return rows.prefetch_related(Prefetch("workers", queryset=InspectionWorker.objects.order_by("pk"))).order_by(
        "-received_on", "-pk")


# --- deadlines ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Timing:
    due_date: datetime.date | None
    working_days_left: int | None  # negative: overdue by that many working days; None once done or not counted
    label: str
    late: bool = False  # running past its due date, or done after it
    pending: bool = False  # the due date is 待定 (its year's holidays not loaded): `label` goes beside that text
    estimate: datetime.date | None = None  # while pending and running: the due date counted Monday to Friday


def timing(due, done_on, today, calendar=None):
    """How a period ending on `due` stands: done on `done_on` (on time or late, by how many working days), or still
    running on `today` (working days left, 今天到期, overdue by so many)."""
    if due is None:
        return Timing(None, None, "")
    calendar = calendar or workdays.Calendar.load()
    try:
        if done_on is not None:
            if done_on <= due:
                return Timing(due, None, f"已于{done_on:%Y-%m-%d}办理，按期")
            late = calendar.working_days_after(due, done_on)
            return Timing(due, None, f"已于{done_on:%Y-%m-%d}办理，逾期 {late} 个工作日", late=True)
        if due >= today:
            left = calendar.working_days_after(today, due)
            return Timing(due, left, "今天到期" if left == 0 else f"剩 {left} 个工作日")
        late = calendar.working_days_after(due, today)
    except workdays.UnknownArrangement:
        return Timing(due, None, "", late=(done_on or today) > due)
    return Timing(due, -late, f"已逾期 {late} 个工作日" if late else "已逾期", late=True)


def pending_timing(done_on, estimate=None):
    """A period whose due date is 待定: never overdue, whether it runs or was done meanwhile. Its label is what goes
    beside 截止日期待定: the day it was done, or, while it runs, the estimate (estimate_text)."""
    label = f"已于{done_on:%Y-%m-%d}办理" if done_on else estimate_text(estimate)
    return Timing(None, None, label, pending=True, estimate=None if done_on else estimate)


def estimate_text(day):
    """An estimated due date as shown beside 截止日期待定: "约2027-03-02（暂按周一至周五计，节假日安排录入后核定）"."""
    return f"约{day.isoformat()}（{ESTIMATE_NOTE}）" if day else ""


def pending_text(estimate):
    """截止日期待定 with the estimate beside it, for a message or a line of text."""
    return f"{PENDING}，{estimate_text(estimate)}" if estimate else PENDING


def _estimating(calendar):
    """`calendar` with every year it lacks (from 2000 to two years after the last it has) counted Monday to Friday:
    for an estimate only, never stored."""
    last = max(calendar.years, default=2000)
    return dataclasses.replace(calendar, years=calendar.years | frozenset(range(2000, last + 3)))


def _estimate(kind, start, calendar):
    try:
        return deadlines.due(kind, start, calendar=calendar)
    except (ValueError, workdays.UnknownArrangement):  # before the law, or beyond the years estimated
        return None


def estimated_accept_due(case, calendar=None):
    """The acceptance's due date counted with the unloaded year's Mondays to Fridays, while accept_due is 待定."""
    if case.accept_due is not None:
        return None
    return _estimate("inspection-accept", case.received_on, _estimating(calendar or workdays.Calendar.load()))


def estimated_conclude_due(case, calendar=None):
    """The conclusion's due date (with an approved extension's 30 working days) counted with the unloaded year's
    Mondays to Fridays, while conclude_due is 待定 after 立案."""
    if case.conclude_due is not None or case.opened_on is None:
        return None
    calendar = _estimating(calendar or workdays.Calendar.load())
    first = case.first_conclude_due or _estimate("inspection-conclude", case.opened_on, calendar)
    if first is None or case.extension_state != ExtensionState.APPROVED:
        return first
    return _estimate("inspection-extension", first, calendar)


def accept_timing(case, today, calendar=None):
    """The acceptance period (5 working days): decided (accepted or not) on a day, or running while received."""
    decided = case.accepted_on or case.not_accepted_on
    if case.accept_due is None:
        return pending_timing(decided, None if decided else estimated_accept_due(case, calendar))
    if decided is None and case.state != InspectionState.RECEIVED:
        return Timing(case.accept_due, None, "")
    return timing(case.accept_due, decided, today, calendar)


def conclude_timing(case, today, calendar=None):
    """The conclusion period (60 working days from 立案, 90 with the approved extension)."""
    if case.conclude_due is None:
        if case.opened_on is not None:
            return pending_timing(case.concluded_on,
                                  None if case.concluded_on else estimated_conclude_due(case, calendar))
        return Timing(None, None, "立案后起算" if case.state in (InspectionState.RECEIVED, InspectionState.ACCEPTED)
                      else "")
    return timing(case.conclude_due, case.concluded_on, today, calendar)


def running_timing(case, today, calendar=None):
    """The timing of the period running now (acceptance, or conclusion), for a ledger line."""
    if case.state == InspectionState.RECEIVED:
        return accept_timing(case, today, calendar)
    if case.state == InspectionState.OPEN:
        return conclude_timing(case, today, calendar)
    return Timing(None, None, "")


# --- figures and queues -----------------------------------------------------------------------------------------

def received_this_year(user, region, today):
    return cases(user, region).filter(received_on__year=today.year)


def open_cases(user, region):
    return cases(user, region).filter(state__in=INSPECTION_OPEN_STATES)


def overdue_cases(user, region, today):
    return cases(user, region).filter(overdue_q(today))


def workers_still_owed(user, region):
    """The workers whose wages are not all recovered, whatever their case's state (a case concluded with wages still
    unpaid leaves them owed), but a case not accepted (not a labour-inspection matter): one a case, so a person in
    two cases counts twice."""
    rows = _scoped(user, InspectionWorker.objects.all(), region)
    return rows.exclude(case__state=InspectionState.NOT_ACCEPTED).filter(amount_recovered__lt=F("amount_owed"))


def amounts_this_year(user, region, today):
    """(owed, recovered) in yuan over the cases received this year."""
    totals = received_this_year(user, region, today).aggregate(owed=Sum("amount_owed"),
                                                               recovered=Sum("amount_recovered"))
    return totals["owed"] or 0, totals["recovered"] or 0


def to_accept(user):
    return cases(user).filter(state=InspectionState.RECEIVED)


def due_soon(user, today, calendar=None):
    """The cases whose running period ends within SOON_WORKING_DAYS working days of today (none are counted when
    the holiday arrangement of those days is not loaded)."""
    try:
        last = (calendar or workdays.Calendar.load()).add(today, SOON_WORKING_DAYS)
    except workdays.UnknownArrangement:
        return cases(user).none()
    return cases(user).filter(due_by_q(today, last))


def extensions_to_decide(user):
    return cases(user).filter(state=InspectionState.OPEN, extension_state=ExtensionState.REQUESTED)


def counts_by_state(user, region):
    return dict(cases(user, region).order_by().values_list("state").annotate(n=Count("pk")))


# --- the ledger's lines ----------------------------------------------------------------------------------------

LEDGER_HEADER = ["案件编号", "用人单位所在地", "案件来源", "用人单位", "统一社会信用代码", "投诉人", "劳动者（公民身份号码已遮蔽）",
                 "收到日期", "受理期限", "受理日期", "立案日期", "结案期限", "结案日期", "状态", "拖欠金额（元）",
                 "追回金额（元）", "承办监察员", "期限情况"]


def worker_line(worker):
    return f"{worker.name}（{mask(worker.id_number)}）" if worker.id_number else worker.name


def ledger_rows(rows, today, places):
    """What a ledger line shows for each case: a dict for the page, `cells` for the .xlsx (ID numbers masked; the
    amounts Decimal, written as numbers in yuan; the dates datetime.date, written as dates, a due date 待定 the text
    截止日期待定（约YYYY-MM-DD）, its estimate as the page shows it)."""
    calendar = workdays.Calendar.load()
    out = []
    for case in rows:
        workers = list(case.workers.all())
        shown = running_timing(case, today, calendar)
        row = {"case": case, "place": places.get(case.region_code, ""), "workers": workers, "timing": shown}
        row["cells"] = [
            case.number, row["place"], case.get_source_display(), case.employer_name, case.employer_uscc,
            case.complainant_name, "、".join(worker_line(worker) for worker in workers),
            case.received_on, _due_cell(case.accept_due, estimated_accept_due, case, calendar), case.accepted_on,
            case.opened_on, _due_cell(case.conclude_due, estimated_conclude_due, case, calendar) if case.opened_on
            else None, case.concluded_on, case.get_state_display(),
            case.amount_owed, case.amount_recovered,  # Decimal: numbers in the .xlsx (to sum), money on the page
            str(case.inspector) if case.inspector else "", shown.label]
        out.append(row)
    return out


def _due_cell(day, estimated, case, calendar):
    """A due date's .xlsx cell: the date, or while it is 待定 the text with its estimate (counted Monday to Friday)."""
    if day is not None:
        return day
    estimate = estimated(case, calendar)
    return f"截止日期待定（约{estimate.isoformat()}）" if estimate else PENDING


def due_text(day):
    """A due date as a page, the .xlsx or the API shows it: the day, or 截止日期待定 while it is null."""
    return day.isoformat() if day else PENDING


def concluded_between(user, region, first, last):
    """服务承诺's cases of 劳动保障监察投诉: the cases of the user's scope and `region` concluded (结案) from `first` to
    `last`, each from its opening (立案) to its conclusion (catalogue.ClosedCase)."""
    from django.urls import reverse

    from hrss.core.catalogue import ClosedCase

    rows = cases(user, region).filter(concluded_on__range=(first, last), opened_on__isnull=False)
    return [ClosedCase(f"{case.number} {case.employer_name}", case.region_code, case.opened_on, case.concluded_on,
                       "已结案", reverse("supervision:inspection-detail", args=[case.pk]))
            for case in rows.order_by("concluded_on", "pk")]
