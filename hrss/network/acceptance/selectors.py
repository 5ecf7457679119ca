"""The acceptance part's reads: the inspections, rectification items and acceptances of a user's scope, the plan's
milestones and the progress against them per county.

Contract for the other parts (funding, dashboard): `accepted_on(office)` -> the day the office passed acceptance,
or None; `state_of(office)` -> one of STATES; `states_by_region(codes)` -> {region_code: state} for many offices at
once (a code without an office, or without a request, is "none")."""

from dataclasses import dataclass

from django.db.models import Q

from hrss.core import scoping
from hrss.core.models import Level, Region
from hrss.network.acceptance import rules
from hrss.network.models import Acceptance, AcceptanceState, Inspection, Rectification, RectificationState

NONE = "none"
# What state_of answers: no request yet (or the last one withdrawn), requested and waiting for the city, accepted
# (for good: an accepted office keeps its date), refused by the city (the county may request again).
STATES = {NONE: "未申请验收", AcceptanceState.REQUESTED.value: "待市验收", AcceptanceState.ACCEPTED.value: "已通过验收",
          AcceptanceState.REFUSED.value: "验收未通过"}


def accepted_on(office):
    """The day `office` passed acceptance, or None."""
    return (Acceptance.objects.filter(office=office, state=AcceptanceState.ACCEPTED)
            .values_list("accepted_on", flat=True).first())


def _state(rows):
    """The state of one office from its acceptances, newest first."""
    for state in rows:
        if state == AcceptanceState.ACCEPTED:
            return state
    latest = rows[0] if rows else NONE
    return NONE if latest == AcceptanceState.WITHDRAWN else latest


def state_of(office):
    """Where `office` stands in acceptance: "none", "requested", "accepted" or "refused" (STATES)."""
    return _state(list(Acceptance.objects.filter(office=office).order_by("-id").values_list("state", flat=True)))


def states_by_region(codes):
    """{region_code: state} for the offices of `codes` (every code answered; "none" where nothing was requested)."""
    codes = list(codes)
    rows = {}
    for code, state in (Acceptance.objects.filter(region_code__in=codes).order_by("-id")
                        .values_list("region_code", "state")):
        rows.setdefault(code, []).append(state)
    return {code: _state(rows.get(code, [])) for code in codes}


def accepted_days_by_region(codes=None):
    """{region_code: accepted_on} of the accepted offices (of `codes`, or all)."""
    accepted = Acceptance.objects.filter(state=AcceptanceState.ACCEPTED)
    if codes is not None:
        accepted = accepted.filter(region_code__in=list(codes))
    return dict(accepted.values_list("region_code", "accepted_on"))


# --- lists -------------------------------------------------------------------------------------------------------

def inspections_visible_to(user, region=None):
    inspections = scoping.visible_to(user, Inspection.objects.all())
    if region is not None:
        inspections = scoping.within_region(inspections, region)
    return inspections.order_by("-inspected_on", "-id")


def rectifications_visible_to(user, region=None, *, state="", overdue_on=None):
    """The items of the user's scope (under `region`), by state ("open", "fixed", "confirmed", "unfinished": open or
    fixed) or, with `overdue_on`, those open past their deadline on that day."""
    items = scoping.visible_to(user, Rectification.objects.select_related("finding", "finding__inspection"))
    if region is not None:
        items = scoping.within_region(items, region)
    if state == "unfinished":
        items = items.exclude(state=RectificationState.CONFIRMED)
    elif state in RectificationState.values:
        items = items.filter(state=state)
    if overdue_on is not None:
        items = items.filter(state=RectificationState.OPEN, due_on__lt=overdue_on)
    return items.order_by("due_on", "id")


def acceptances_visible_to(user, region=None, *, state=""):
    acceptances = scoping.visible_to(user, Acceptance.objects.select_related("case"))
    if region is not None:
        acceptances = scoping.within_region(acceptances, region)
    if state in AcceptanceState.values:
        acceptances = acceptances.filter(state=state)
    return acceptances.order_by("-requested_on", "-id")


def acceptance_queue(user):
    """The requests waiting for the city's decision, oldest first."""
    return acceptances_visible_to(user, state=AcceptanceState.REQUESTED).order_by("requested_on", "id")


# --- milestones ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Progress:
    """One county's (or the total's) progress against one milestone."""

    region: object
    milestone: object
    due: int  # offices the milestone covers
    on_time: int  # accepted by the milestone's day
    late: int  # accepted after it
    not_yet: int  # not accepted (by `today`)

    @property
    def share_on_time(self):
        return round(100 * self.on_time / self.due) if self.due else None


def offices_due(milestone, day, regions):
    """The codes of the offices a milestone covers among `regions` (a queryset of regions)."""
    offices = regions.filter(level__in=[Level.TOWNSHIP, Level.VILLAGE], is_active=True)
    if milestone.central_towns_only:
        offices = offices.filter(Q(level=Level.TOWNSHIP)
                                 & (Q(is_central_town=True) | Q(code__in=rules.high_tech_zone_townships(day))))
    return list(offices.values_list("code", flat=True))


def units_of(user, region=None):
    """The rows of a per-county table: the counties of `region` (the user's own region by default; a region of
    their scope) that the user sees, or, for a region below a county, that region alone."""
    if region is None:
        scope = scoping.scope_of(user)
        if scope.is_empty:
            return []
        region = scope.region
    if region.level <= Level.CITY:
        counties = scoping.visible_to(user, Region.objects.filter(level=Level.COUNTY, is_active=True))
        return list(scoping.within_region(counties, region).order_by("code"))
    return [region]


def milestone_progress(user, today, region=None):
    """[(milestone, [Progress per county], total Progress)] for the milestones in force today: each county's
    offices the milestone covers, how many were accepted by its day, after it, and not yet (by today)."""
    units = units_of(user, region)
    accepted = {code: day for code, day in accepted_days_by_region().items() if day <= today}
    out = []
    for milestone in rules.milestones_on(today):
        rows = []
        for unit in units:
            codes = offices_due(milestone, today, scoping.within_region(Region.objects.all(), unit))
            days = [accepted[code] for code in codes if code in accepted]
            on_time = sum(1 for day in days if day <= milestone.due_on)
            rows.append(Progress(unit, milestone, len(codes), on_time, len(days) - on_time, len(codes) - len(days)))
        total = Progress(None, milestone, sum(r.due for r in rows), sum(r.on_time for r in rows),
                         sum(r.late for r in rows), sum(r.not_yet for r in rows))
        out.append((milestone, rows, total))
    return out
