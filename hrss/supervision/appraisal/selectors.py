"""The appraisal's figures (考核), computed from the records each time (nothing is stored): per office (a region's
service point: the village's 服务站, the township's 服务所, the county's 局) and per staff member, for a month.

- 办理件数: the review moves (core.review) a user made in the month, one per case and step (a case sent back and
  forwarded again at the same step counts once), plus the petitions they concluded, the inspection cases they
  concluded and the complaints they answered. A withdrawal is the applicant's wish, not work, and is not counted.
  An office's are those made by its staff there (ReviewDecision.actor_region_code, PetitionEvent.office_code; for
  an inspection case or a complaint's reply, the office of the one who did it, now); a staff member's row on an
  office's table counts their work at that office only (one who moved is appraised at each office apart).
- 按时: a review move made on or before its step's deadline, the step having started on the day of the case's
  previous move (the case's opening for the intake), computed by core.review's Step.due_date with one working-day
  calendar for the month; once at a step late, the case and step is late. A petition concluded by its handle_due,
  an inspection case by its conclude_due (on time when concluded while it was 待定), a complaint answered by its
  due_date. Another case without a deadline (none set, or the year's holiday arrangement not loaded) counts as
  handled, not as on time or late.
- 评价: the ratings given in the month of the services the user served (RatingCode.served_by) or the office gave
  (Rating.region_code): how many, their average, the share satisfied (score ≥ rules.SATISFIED_FROM).
- 投诉: the complaints received in the month about the user (about_staff) or the office (office_code); counts only,
  never who complained. Of them, those answered 查实 or 部分查实 (UPHELD_OUTCOMES) are deducted from the score of
  the month they were received in (an answer given later changes that month until the county locks it).
- 得分: rules.score, the workload against the median of the office's peers (the offices under the same parent, or
  the staff of the same office)."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from hrss.core import review, scoping, workdays
from hrss.core.dates import add_months, month_bounds
from hrss.core.models import Level, Region, ReviewCase, ReviewDecision
from hrss.supervision import inputs
from hrss.supervision.appraisal import rules
from hrss.supervision.models import (
    UPHELD_OUTCOMES,
    AppraisalLock,
    Complaint,
    ComplaintOutcome,
    InspectionCase,
    InspectionEvent,
    PetitionEvent,
    PetitionEventKind,
    Rating,
)

SOURCES = {"review": "审核审批", "petition": "信访", "inspection": "劳动保障监察", "complaint": "投诉答复"}

# A petition's steps that count as work, each against its deadline: the decision (受理/转送/转监察/不予受理) by the
# accept_due, the reply (办结答复) by the handle_due (with its extension), the 复查 and 复核 opinions by theirs.
# Recording it (登记) and carrying it up (上报) have no deadline of their own and are the intake's, not counted.
PETITION_STEPS = {
    PetitionEventKind.ACCEPTED: ("decision", "受理意见", "petition__accept_due"),
    PetitionEventKind.FORWARDED: ("decision", "受理意见", "petition__accept_due"),
    PetitionEventKind.INSPECTION: ("decision", "受理意见", "petition__accept_due"),
    PetitionEventKind.NOT_ACCEPTED: ("decision", "受理意见", "petition__accept_due"),
    PetitionEventKind.REPLIED: ("reply", "办结答复", "petition__handle_due"),
    PetitionEventKind.REVIEWED: ("review", "复查意见", "petition__review_due"),
    PetitionEventKind.RECHECKED: ("recheck", "复核意见", "petition__recheck_due"),
}


MonthRefused = inputs.MonthRefused  # a month the page cannot show: the one guard of supervision/inputs.py


def parse_month(text, today):
    """The first day of the month "YYYY-MM" (the previous month when empty); inputs.parse_month's refusals (a
    malformed month, one that has not begun, one before 2000)."""
    if not text:
        return add_months(today.replace(day=1), -1)
    return inputs.parse_month(text, today)


def month_text(month):
    return f"{month:%Y-%m}"


def _day_span(month):
    first, last = month_bounds(month.year, month.month)
    return first, last


def _instant_span(month):
    """The month as aware instants [start, end) in Heyuan's time."""
    first, last = _day_span(month)
    zone = timezone.get_default_timezone()
    return (datetime.datetime.combine(first, datetime.time.min, tzinfo=zone),
            datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone))


# --- who is measured: a set of offices (their codes), a range of codes (a region and all below it), or staff ---


@dataclass(frozen=True)
class Whom:
    offices: frozenset = frozenset()  # office codes (the region's own office only)
    under: tuple | None = None  # (first, last) code of a region's subtree: every office in it
    staff: frozenset = frozenset()  # user ids
    at_office: str = ""  # staff: only their work at this office (one who moved is appraised at each office apart)

    @property
    def by_staff(self):
        return bool(self.staff)

    def where(self, code_field, user_field):
        """The filter of a source's rows: an office's by `code_field` (where the work was done, the rating's or the
        complaint's office), a staff member's by `user_field` (and at_office)."""
        if self.by_staff:
            mine = Q(**{f"{user_field}__in": self.staff})
            return mine & Q(**{code_field: self.at_office}) if self.at_office else mine
        if self.under is not None:
            return Q(**{f"{code_field}__range": self.under})
        return Q(**{f"{code_field}__in": self.offices})


@dataclass(frozen=True)
class Item:
    """One unit of work: (source, id, step) for a staff member (user id) at an office (code)."""

    source: str
    key: tuple  # the unit: (source, object id[, step])
    user_id: int
    office_code: str
    done_on: datetime.date
    due_date: datetime.date | None
    on_time: bool | None
    case_id: int | None = None  # the review case, for the list behind a figure
    step: str = ""
    title: str = ""  # what the list behind a figure names it by (a number, never a person's name)
    about_office: str = ""  # a complaint's reply: the office complained about (kept from that office's own staff)


def _local_day(instant):
    return timezone.localtime(instant).date()


def _review_items(month, whom, calendar):
    start, end = _instant_span(month)
    moves = (ReviewDecision.objects.filter(whom.where("actor_region_code", "actor_id"), at__gte=start, at__lt=end)
             .exclude(action=ReviewDecision.Action.WITHDRAW))
    rows = list(moves.values_list("pk", "case_id", "step", "actor_id", "actor_region_code", "at"))
    if not rows:
        return []
    cases = moves.values("case_id")
    # The day each move's step started: the case's previous move, or its opening.
    previous, last_at = {}, {}
    for pk, case_id, at in (ReviewDecision.objects.filter(case_id__in=cases, at__lt=end)
                            .order_by("case_id", "at", "pk").values_list("pk", "case_id", "at")):
        previous[pk] = last_at.get(case_id)
        last_at[case_id] = at
    opened = {pk: (case_type, at) for pk, case_type, at in
              ReviewCase.objects.filter(pk__in=cases).values_list("pk", "case_type", "opened_at")}
    chains = {chain.case_type: chain for chain in review.registered_chains()}
    dues = {}
    items = []
    for pk, case_id, step_key, actor_id, office_code, at in rows:
        case_type, opened_at = opened[case_id]
        started = _local_day(previous.get(pk) or opened_at)
        if (case_type, step_key, started) not in dues:
            chain = chains.get(case_type)
            step = next((step for step in chain.steps if step.key == step_key), None) if chain else None
            dues[case_type, step_key, started] = step.due_date(started, calendar) if step else None
        due = dues[case_type, step_key, started]
        done = _local_day(at)
        items.append(Item("review", ("review", case_id, step_key), actor_id, office_code, done, due,
                          None if due is None else done <= due, case_id=case_id, step=step_key))
    return items


def _complaint_items(month, whom):
    """The complaints answered in the month, each titled by what it was about (the office and the rated service;
    never who complained, nor the text, which may name them)."""
    first, last = _day_span(month)
    replied = list(Complaint.objects.filter(whom.where("replied_by__region__code", "replied_by_id"),
                                            replied_on__range=(first, last), replied_by__isnull=False)
                   .values_list("pk", "replied_by_id", "replied_by__region__code", "replied_on", "due_date",
                                "received_on", "office_code", "rating__code__service", "outcome"))
    offices = {region.code: region.office_name
               for region in Region.objects.filter(code__in={row[6] for row in replied})}
    outcomes = dict(ComplaintOutcome.choices)
    return [Item("complaint", ("complaint", pk), user_id, office_code, replied_on, due,
                 None if due is None else replied_on <= due, step="答复", about_office=about,
                 title=(f"{received:%Y-%m-%d}收到的投诉：{offices.get(about, about)}" + (f"·{service}" if service else "")
                        + (f"（{outcomes[outcome]}）" if outcome in outcomes else "")))
            for pk, user_id, office_code, replied_on, due, received, about, service, outcome in replied]


def _petition_items(month, whom):
    first, last = _day_span(month)
    items = []
    for kind, (step, label, due_field) in PETITION_STEPS.items():
        events = (PetitionEvent.objects.filter(whom.where("office_code", "by_id"), kind=kind, on__range=(first, last))
                  .values_list("petition_id", "by_id", "office_code", "on", due_field, "petition__number"))
        items += [Item("petition", ("petition", petition_id, step), user_id, office_code, on, due,
                       None if due is None else on <= due, step=label, title=number)
                  for petition_id, user_id, office_code, on, due, number in events]
    return items


def _inspection_items(month, whom):
    """Cases concluded in the month, the work of their inspector (of the one who concluded them when none was
    named), at the inspector's office."""
    first, last = _day_span(month)
    concluded = InspectionCase.objects.filter(concluded_on__range=(first, last))
    named = (concluded.filter(whom.where("inspector__region__code", "inspector_id"), inspector__isnull=False)
             .values_list("pk", "inspector_id", "inspector__region__code", "concluded_on", "conclude_due", "number"))
    unnamed = (InspectionEvent.objects.filter(whom.where("by__region__code", "by_id"), action="concluded",
                                              case__in=concluded.filter(inspector__isnull=True))
               .values_list("case_id", "by_id", "by__region__code", "case__concluded_on", "case__conclude_due",
                            "case__number"))
    # conclude_due is null while 待定 (its year's holiday arrangement not loaded): not late while pending, and a case
    # concluded while its due was pending is on time (the office cannot be late against a date not yet fixed); once
    # the year is loaded the inspection part fills the date in and it decides, as for any case.
    return [Item("inspection", ("inspection", pk), user_id, office_code, on, due, True if due is None else on <= due,
                 step="结案", title=number)
            for pk, user_id, office_code, on, due, number in [*named, *unnamed]]


def work_items(month, whom, calendar=None):
    """Every unit of work of the month by `whom`, each move of a case counted once per case and step (late if any
    move there was late)."""
    calendar = calendar or workdays.Calendar.load()
    merged = {}
    for item in [*_review_items(month, whom, calendar), *_petition_items(month, whom), *_inspection_items(month, whom),
                 *_complaint_items(month, whom)]:
        owner = item.user_id if whom.by_staff else item.office_code
        key = (owner, item.key)
        earlier = merged.get(key)
        if earlier is None or (earlier.on_time is not False and item.on_time is False):
            merged[key] = item
    return sorted(merged.values(), key=lambda item: (item.done_on, item.key))


# --- the figures ------------------------------------------------------------------------------------------------


def _share(part, whole):
    return None if not whole else (Decimal(part) / Decimal(whole))


def percent(share):
    """A share as a percentage with one decimal (None stays None)."""
    return None if share is None else (share * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Figures:
    handled: int = 0
    measured: int = 0  # of them with a deadline
    on_time: int = 0
    by_source: dict = field(default_factory=lambda: defaultdict(int))
    ratings: int = 0
    rating_total: int = 0
    satisfied: int = 0
    complaints: int = 0
    upheld: int = 0  # of the complaints, those answered as 查实 or 部分查实 (models.UPHELD_OUTCOMES)
    score: Decimal | None = None

    @property
    def late(self):
        return self.measured - self.on_time

    @property
    def on_time_share(self):
        return _share(self.on_time, self.measured)

    @property
    def on_time_percent(self):
        return percent(self.on_time_share)

    @property
    def satisfied_share(self):
        return _share(self.satisfied, self.ratings)

    @property
    def satisfied_percent(self):
        return percent(self.satisfied_share)

    @property
    def average(self):
        if not self.ratings:
            return None
        return (Decimal(self.rating_total) / self.ratings).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def add(self, item):
        self.handled += 1
        self.by_source[item.source] += 1
        if item.on_time is not None:
            self.measured += 1
            self.on_time += item.on_time


def figures_of(month, whom, calendar=None):
    """{owner: Figures} for the month: owner is an office code, or a user id when `whom` names staff; only owners
    with something in the month are in it."""
    found = defaultdict(Figures)
    for item in work_items(month, whom, calendar):
        found[item.user_id if whom.by_staff else item.office_code].add(item)
    start, end = _instant_span(month)
    for score, owner in (Rating.objects.filter(whom.where("region_code", "code__served_by_id"), rated_at__gte=start,
                                               rated_at__lt=end)
                         .values_list("score", "code__served_by_id" if whom.by_staff else "region_code")):
        figures = found[owner]
        figures.ratings += 1
        figures.rating_total += score
        figures.satisfied += score >= rules.SATISFIED_FROM
    first, last = _day_span(month)
    for owner, outcome in (Complaint.objects.filter(whom.where("office_code", "about_staff_id"),
                                                    received_on__range=(first, last))
                           .values_list("about_staff_id" if whom.by_staff else "office_code", "outcome")):
        found[owner].complaints += 1
        found[owner].upheld += outcome in UPHELD_OUTCOMES
    return found


def _scored(month, table, peers):
    """Give each Figures of `table` its score, the workload against the median handled of its `peers` (the
    Figures it is compared with, those that handled anything)."""
    handled = [figures.handled for figures in peers if figures.handled]
    median = Decimal(str(statistics.median(handled))) if handled else None
    weights = rules.weights_for(month)
    for figures in table:
        figures.score = rules.score(month=month, handled=figures.handled, on_time_share=figures.on_time_share,
                                    satisfied_share=figures.satisfied_share, median_handled=median,
                                    upheld=figures.upheld, weights=weights)


# --- a locked month (AppraisalLock): the figures as the county published them --------------------------------


def stored(figures):
    """Figures as an AppraisalLock keeps them (JSON)."""
    return {"handled": figures.handled, "measured": figures.measured, "on_time": figures.on_time,
            "by_source": dict(figures.by_source), "ratings": figures.ratings, "rating_total": figures.rating_total,
            "satisfied": figures.satisfied, "complaints": figures.complaints, "upheld": figures.upheld,
            "score": None if figures.score is None else str(figures.score)}


def from_stored(data):
    values = {key: value for key, value in data.items() if key in Figures.__dataclass_fields__}
    values["by_source"] = defaultdict(int, values.get("by_source") or {})
    values["score"] = None if values.get("score") is None else Decimal(values["score"])
    return Figures(**values)


def _county_of(code):
    level = scoping.level_of_code(code)
    return scoping.ancestor_code(code, Level.COUNTY) if level is not None and level >= Level.COUNTY else None


def lock_of(region, month):
    """The AppraisalLock of the month for the county `region` lies in (itself, or above it), or None."""
    county = _county_of(region.code)
    if county is None:
        return None
    return AppraisalLock.objects.select_related("locked_by").filter(region_code=county, month=month).first()


def _locks(codes, month):
    counties = {county for county in map(_county_of, codes) if county}
    return {lock.region_code: lock for lock in AppraisalLock.objects.filter(region_code__in=counties, month=month)}


def complaints_hidden_from(viewer, office_code):
    """Whether the complaint figures of `office_code` are kept from `viewer`: nobody sees those of their own office
    (the office's total, or any colleague's, would tell the person complained about that it is them); the offices
    above count them. The ratings part's figures per office keep to the same rule."""
    return viewer is not None and viewer.region_id is not None and viewer.region.code == office_code


@dataclass
class OfficeRow:
    region: Region
    figures: Figures
    own: bool = False  # the region's own office (本级), above its children's
    locked: bool = False  # the figures are those the county locked
    # The viewer's own office: its complaints are counted by those above, and its score (which an upheld complaint
    # lowers) is shown to those above only.
    complaints_hidden: bool = False


def _children(region):
    return list(Region.objects.filter(parent=region, is_active=True).order_by("code"))


def office_rows(user, region, month, calendar=None):
    """The appraisal of `region`'s own office and of each office of the regions just below it (the user's scope:
    `region` was fetched through it). An office is scored against the offices under the same parent."""
    calendar = calendar or workdays.Calendar.load()
    children = [child for child in _children(region) if scoping.scope_of(user).contains_code(child.code)]
    # The region's own office is compared with its siblings: their figures are read for the median only.
    siblings = _children(region.parent) if region.parent_id and region.level > Level.CITY else [region]
    codes = {place.code for place in [*children, *siblings]}
    found = figures_of(month, Whom(offices=frozenset(codes)), calendar)
    own = found[region.code]
    _scored(month, [own], [found[place.code] for place in siblings])
    rows = [OfficeRow(region, own, own=True)]
    child_figures = [found[child.code] for child in children]
    _scored(month, child_figures, child_figures)
    rows += [OfficeRow(child, figures) for child, figures in zip(children, child_figures, strict=True)]
    locks = _locks([row.region.code for row in rows], month)
    for row in rows:
        lock = locks.get(_county_of(row.region.code))
        if lock is not None and row.region.code in lock.offices:
            row.figures, row.locked = from_stored(lock.offices[row.region.code]), True
        row.complaints_hidden = complaints_hidden_from(user, row.region.code)
    return rows


@dataclass
class StaffRow:
    user: object
    figures: Figures
    # The viewer's own row: the complaints about them are not shown to them (nobody sees a complaint about
    # themself, as in the ratings part), only to those above.
    is_viewer: bool = False
    # The viewer's own row, or any row of the viewer's own office (complaints_hidden_from): complaints and score.
    complaints_hidden: bool = False


def staff_of(office, month):
    """The staff of the office: those there now, and those who made review moves there in the month (since moved
    or closed)."""
    start, end = _instant_span(month)
    movers = ReviewDecision.objects.filter(actor_region_code=office.code, at__gte=start, at__lt=end).values("actor_id")
    return list(get_user_model().objects.filter(Q(region=office, is_active=True) | Q(pk__in=movers))
                .order_by("username"))


def staff_rows(office, month, calendar=None, *, viewer=None):
    """The appraisal of each staff member of `office` (fetched through the user's scope), scored against the median
    of the office's staff; `viewer`'s own row is marked (is_viewer), and every row's complaints are hidden when
    `office` is the viewer's own (complaints_hidden_from)."""
    own_office = complaints_hidden_from(viewer, office.code)

    def row(user, figures):
        mine = viewer is not None and user.pk == viewer.pk
        return StaffRow(user, figures, is_viewer=mine, complaints_hidden=mine or own_office)

    lock = lock_of(office, month)
    if lock is not None and office.code in lock.staff:
        people = get_user_model().objects.in_bulk([stored_row["user_id"] for stored_row in lock.staff[office.code]])
        return [row(people[stored_row["user_id"]], from_stored(stored_row)) for stored_row in lock.staff[office.code]]
    staff = staff_of(office, month)
    found = figures_of(month, Whom(staff=frozenset(user.pk for user in staff), at_office=office.code), calendar)
    table = [found[user.pk] for user in staff]
    _scored(month, table, table)
    return [row(user, figures) for user, figures in zip(staff, table, strict=True)]


def cases_behind(month, *, office, user=None, late_only=False, calendar=None, viewer=None):
    """The units of work behind an office's (or one of its staff's) 办理件数 or 逾期 figure, with the review cases they
    were made on ({case id: ReviewCase}). The replies to complaints about `viewer`'s own office are left out
    (complaints_hidden_from: nobody sees a complaint about their own office)."""
    whom = (Whom(staff=frozenset({user.pk}), at_office=office.code) if user is not None
            else Whom(offices=frozenset({office.code})))
    items = [item for item in work_items(month, whom, calendar) if (not late_only or item.on_time is False)
             and not (item.about_office and complaints_hidden_from(viewer, item.about_office))]
    cases = ReviewCase.objects.in_bulk([item.case_id for item in items if item.case_id])
    return items, cases


def region_total(region, month, calendar=None):
    """The Figures of every office in `region` and below it, together (the statistics page's figures)."""
    total = Figures()
    for item in work_items(month, Whom(under=scoping.code_range(region.prefix)), calendar):
        total.add(item)
    return total


NO_DATA = "无数据"
HEADER = ["办理件数", "有时限的", "按时", "逾期", "按时率(%)", "评价数", "平均评分", "满意率(%)", "被投诉", "其中查实",
          "得分"]


def cells(figures, *, hide_complaints=False):
    """A row's figures as the export writes them (a share or score without data: 无数据 or blank; the complaints
    and the score of the viewer's own office and its staff: —)."""
    return [figures.handled, figures.measured, figures.on_time, figures.late,
            _number(figures.on_time_percent), figures.ratings, _number(figures.average),
            _number(figures.satisfied_percent), "—" if hide_complaints else figures.complaints,
            "—" if hide_complaints else figures.upheld,
            "—" if hide_complaints else NO_DATA if figures.score is None else float(figures.score)]


def is_empty(figures):
    """Nothing at all in the month: no work, no rating, no complaint."""
    return not (figures.handled or figures.ratings or figures.complaints)


def _number(value):
    return "" if value is None else float(value)
