"""Reads of the grid part, through core.scoping: a cell's staff, the leads and visits of a region (the 台账s, with
their filters), the cell's figures (leads this year, open leads, visits this year, employers visited), and what is
already under way about a lead's employer (the inspection part's cases, read only; other open leads)."""

import datetime

from django.db.models import Case, Q, When

from hrss.core import scoping
from hrss.supervision.models import EmployerVisit, GridStaff, InspectionCase, Lead, LeadKind, LeadState
from hrss.supervision.models.inspection import INSPECTION_OPEN_STATES


def _scoped(user, queryset, region):
    rows = scoping.visible_to(user, queryset)
    return scoping.within_region(rows, region) if region is not None else rows


def current_staff(user, region):
    """The cell's staff now (not left), of `region` itself only."""
    return scoping.visible_to(user, GridStaff.objects.filter(region_code=region.code, left_on__isnull=True)
                              .select_related("user")).order_by("post", "name", "pk")


def former_staff(user, region):
    return scoping.visible_to(user, GridStaff.objects.filter(region_code=region.code, left_on__isnull=False)
                              ).order_by("-left_on", "pk")


def year_bounds(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def leads(user, region=None, *, state="", kind="", year=None, q=""):
    """The 线索台账's leads of the scope (of `region` inside it), filtered: a state, a kind, a year reported, an
    employer's name or code. The open ones first, then the latest."""
    rows = _scoped(user, Lead.objects.select_related("reported_by", "decided_by"), region)
    if state in LeadState.values:
        rows = rows.filter(state=state)
    if kind in LeadKind.values:
        rows = rows.filter(kind=kind)
    if year:
        rows = rows.filter(reported_on__range=year_bounds(year))
    if q.strip():
        rows = rows.filter(Q(employer_name__contains=q.strip()) | Q(employer_uscc=q.strip().upper()))
    return rows.order_by("-reported_on", "-pk")


def visits(user, region=None, *, year=None, problems_only=False, q=""):
    rows = _scoped(user, EmployerVisit.objects.select_related("by", "lead"), region)
    if year:
        rows = rows.filter(visited_on__range=year_bounds(year))
    if problems_only:
        rows = rows.filter(problems_found=True)
    if q.strip():
        rows = rows.filter(Q(employer_name__contains=q.strip()) | Q(employer_uscc=q.strip().upper()))
    return rows.order_by("-visited_on", "-pk")


def _same_employer(lead):
    """The employer of `lead` as a filter: the same 统一社会信用代码 (or, on a record without one, the same name);
    without a code, the same name."""
    name = lead.employer_name.strip()
    if lead.employer_uscc:
        return Q(employer_uscc=lead.employer_uscc) | Q(employer_uscc="", employer_name=name)
    return Q(employer_name=name)


def same_employer_cases(user, lead):
    """The inspection cases (any state; the open ones first, then the latest) about the employer of `lead` that
    the user can see, other than the one opened from it: what the officer sees before forwarding it."""
    rows = scoping.visible_to(user, InspectionCase.objects.filter(_same_employer(lead)).exclude(lead=lead))
    return rows.order_by(Case(When(state__in=INSPECTION_OPEN_STATES, then=0), default=1), "-received_on", "-pk")


def same_employer_leads(user, lead):
    """The other open leads (waiting for a decision) about the employer of `lead` that the user can see."""
    return scoping.visible_to(user, Lead.objects.filter(_same_employer(lead), state=LeadState.REPORTED)
                              .exclude(pk=lead.pk)).order_by("-reported_on", "-pk")


def open_leads(user, region=None):
    return _scoped(user, Lead.objects.filter(state=LeadState.REPORTED), region)


def employers_visited(user, region, year):
    """How many employers were visited in `year`: by code where one was given, else by name."""
    rows = visits(user, region, year=year).order_by().values_list("employer_uscc", "employer_name")
    return len({code or name.strip() for code, name in rows})


def figures(user, region, today):
    """The cell's (or a region's) figures: {name: count} for the page."""
    return {
        "leads_this_year": leads(user, region, year=today.year).count(),
        "open_leads": open_leads(user, region).count(),
        "visits_this_year": visits(user, region, year=today.year).count(),
        "employers_visited": employers_visited(user, region, today.year),
    }


LEADS_HEADER = ["网格", "报告日期", "用人单位", "统一社会信用代码", "线索类别", "涉及人数", "情况描述", "报告人",
                "状态", "处理日期", "处理人", "处理说明"]
VISITS_HEADER = ["网格", "走访日期", "用人单位", "统一社会信用代码", "走访情况", "发现问题", "走访人", "据此报告的线索"]


def _name(user):
    return (user.full_name or user.username) if user else ""


def lead_cells(lead, places):
    return [places.get(lead.region_code, ""), lead.reported_on, lead.employer_name, lead.employer_uscc,
            lead.get_kind_display(), lead.workers_affected, lead.description, _name(lead.reported_by),
            lead.get_state_display(), lead.decided_on,
            _name(lead.decided_by), lead.decision_note]


def visit_cells(visit, places):
    return [places.get(visit.region_code, ""), visit.visited_on, visit.employer_name, visit.employer_uscc,
            visit.findings, "是" if visit.problems_found else "否", _name(visit.by),
            f"{visit.lead.get_kind_display()}（{visit.lead.get_state_display()}）" if visit.lead else ""]
