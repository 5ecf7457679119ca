"""The grid part's pages under /supervision/grid/ (url names prefixed "grid-"): a cell's page (its staff, leads,
visits and figures; a county's or the city's user first picks a township), setting and removing staff, the 线索台账
and the 走访台账 of a region with their filters and .xlsx, reporting a lead, correcting it and deciding it (the
forwarding confirmed on a page naming what is already under way about the employer), recording a visit and
correcting it. Views only translate: writes are services.py's, reads selectors.py's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import ratelimit, scoping
from hrss.core.forms import submit
from hrss.core.models import Level, Region
from hrss.core.pages import ledger_download, query_without_page
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names, staff_of
from hrss.supervision.grid import selectors, services
from hrss.supervision.grid.forms import (
    DismissForm,
    ForwardForm,
    LeadForm,
    RemoveStaffForm,
    ResolveForm,
    StaffForm,
    VisitForm,
    own_cell,
)
from hrss.supervision.models import EmployerVisit, GridStaff, Lead, LeadKind, LeadState
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW

LEADS_TITLE = "网格线索台账"
VISITS_TITLE = "走访用人单位台账"


def _can_decide(user):
    scope = scoping.scope_of(user)
    return has_permission(user, SUPERVISION_HANDLE) and not scope.is_empty and (
        scope.region.level in services.DECIDING_LEVELS)


def _year(request, today):
    value = request.GET.get("year", "")
    if value == "all":
        return None
    return int(value) if value.isdigit() and 2000 <= int(value) <= today.year else today.year


def _cell_page(request, region, staff_form=None):
    today = timezone.localdate()
    cell = services.ensure_cell(actor=request.user, region=region, today=today)
    can_handle = has_permission(request.user, SUPERVISION_HANDLE)
    return render(request, "supervision/grid/cell.html", {
        "region": region, "cell": cell, "today": today, "crumbs": scoping.breadcrumb(request.user, region),
        "staff": selectors.current_staff(request.user, region), "former": selectors.former_staff(request.user, region),
        "leads": selectors.leads(request.user, region)[:20], "visits": selectors.visits(request.user, region)[:20],
        "figures": selectors.figures(request.user, region, today), "places": place_names(
            [*selectors.leads(request.user, region).values_list("region_code", flat=True)[:20],
             *selectors.visits(request.user, region).values_list("region_code", flat=True)[:20]], below=region),
        "can_handle": can_handle, "can_set_staff": _can_decide(request.user),
        "staff_form": staff_form or StaffForm(initial={"since": today}),
        "villages": Region.objects.filter(parent=region, is_active=True).order_by("code")
        if region.level == Level.TOWNSHIP else []})


@staff_view(SUPERVISION_VIEW)
def cell(request):
    """网格: the cell of ?region=CODE (the user's own by default); above a township, the cells to open."""
    region = scoping.region_from_request(request)
    if region.level in services.CELL_LEVELS:
        return _cell_page(request, region)
    today = timezone.localdate()
    children = list(scoping.visible_to(request.user, Region.objects.filter(parent=region, is_active=True))
                    .order_by("code"))
    rows = [(child, selectors.figures(request.user, child, today)) for child in children]
    return render(request, "supervision/grid/regions.html", {
        "region": region, "rows": rows, "today": today, "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(SUPERVISION_HANDLE)
@require_POST
def staff_add(request):
    """设置网格员 for the cell of the form's region (POST region=CODE)."""
    region = scoping.region_from_request(request)
    form = StaffForm(request.POST)

    def act(data):
        user = None
        if data["username"].strip():
            user = staff_of(request.user, region).filter(username=data["username"].strip()).first()
            if user is None:
                raise ValidationError(f"{region.name}没有用户名为“{data['username'].strip()}”的在职工作人员账号。")
        return services.add_staff(actor=request.user, region=region, name=data["name"], phone=data["phone"],
                                  post=data["post"], user=user, since=data["since"])

    def redisplay(form):
        messages.error(request, "未能保存网格员，请按页面上的提示修改。")
        return _cell_page(request, region, staff_form=form)

    return submit(request, form, act, success=lambda staff: f"已设置{staff.name}为{region.name}的{staff.get_post_display()}。",
                  done=lambda staff: redirect(reverse("supervision:grid-cell") + f"?region={region.code}"),
                  redisplay=redisplay)


@staff_view(SUPERVISION_HANDLE)
@require_POST
def staff_remove(request, pk):
    staff = scoping.get_visible_or_404(GridStaff, request.user, pk=pk)
    region = Region.objects.get(code=staff.region_code)
    back = reverse("supervision:grid-cell") + f"?region={region.code}"
    form = RemoveStaffForm(request.POST or {"left_on": timezone.localdate()})

    def redisplay(form):
        for error in form.non_field_errors() or [error for errors in form.errors.values() for error in errors]:
            messages.error(request, error)
        return redirect(back)

    return submit(request, form, lambda data: services.remove_staff(actor=request.user, staff=staff,
                                                                     left_on=data["left_on"]),
                  success=lambda staff: f"{staff.name}已卸任网格员。", done=lambda _: redirect(back),
                  redisplay=redisplay)


# --- leads -----------------------------------------------------------------------------------------------------


def _lead_filters(request, today):
    return {"state": request.GET.get("state", "") if request.GET.get("state") in LeadState.values else "",
            "kind": request.GET.get("kind", "") if request.GET.get("kind") in LeadKind.values else "",
            "year": _year(request, today), "q": request.GET.get("q", "")[:30]}


@staff_view(SUPERVISION_VIEW)
def leads(request):
    """网格线索台账 of a region (the user's own by default): filters, pages of 50, .xlsx."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _lead_filters(request, today)
    page = Paginator(selectors.leads(request.user, region, **filters), 50).get_page(request.GET.get("page"))
    return render(request, "supervision/grid/leads.html", {
        "region": region, "today": today, "page": page, "filters": filters, "query": query_without_page(request),
        "places": place_names((lead.region_code for lead in page), below=region), "states": LeadState.choices,
        "kinds": LeadKind.choices, "years": range(today.year, today.year - 5, -1),
        "crumbs": scoping.breadcrumb(request.user, region), "can_handle": has_permission(request.user,
                                                                                       SUPERVISION_HANDLE)})


@staff_view(SUPERVISION_VIEW)
@ratelimit.per_user("export")
def leads_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    rows = list(selectors.leads(request.user, region, **_lead_filters(request, today)))
    places = place_names((lead.region_code for lead in rows), below=region)
    return ledger_download(request, LEADS_TITLE, region, today, selectors.LEADS_HEADER,
                           [selectors.lead_cells(lead, places) for lead in rows],
                           action="supervision.grid_leads.exported")


def _lead_form_page(request, form):
    return render(request, "supervision/grid/lead_form.html", {"form": form})


@staff_view(SUPERVISION_HANDLE)
def lead_new(request):
    """报告线索 from a cell (?region=CODE fills it in)."""
    region = scoping.region_from_request(request) if request.method == "GET" else None
    form = LeadForm(request.POST or None, user=request.user, initial={
        "region": own_cell(request.user, region), "reported_on": timezone.localdate(), "workers_affected": 1})
    if request.method != "POST":
        return _lead_form_page(request, form)
    return submit(request, form, lambda data: services.report_lead(
        actor=request.user, region=data["region"], reported_on=data["reported_on"],
        employer_name=data["employer_name"], employer_uscc=data["employer_uscc"], kind=data["kind"],
        description=data["description"], workers_affected=data["workers_affected"] or 0),
        success=lambda lead: f"已报告线索：{lead.employer_name}（{lead.get_kind_display()}），待乡镇(街道)处理。",
        done=lambda lead: redirect("supervision:grid-lead", pk=lead.pk),
        redisplay=lambda form: _lead_form_page(request, form))


def _lead(request, pk):
    return scoping.get_visible_or_404(Lead.objects.select_related("reported_by", "decided_by"), request.user, pk=pk)


def _own_code(user):
    """The code of the user's own office: the rows of it carry 更正 (the service decides; a merged village's old
    rows are not offered)."""
    return user.region.code if user.region_id else ""


def _already_under_way(request, lead):
    """What is already under way about the lead's employer (same code, or same name without one): inspection
    cases and other open leads the user can see."""
    return {"same_cases": list(selectors.same_employer_cases(request.user, lead)[:20]),
            "same_leads": list(selectors.same_employer_leads(request.user, lead)[:20])}


def _lead_page(request, lead, forms=None):
    forms = forms or {}
    can_handle = has_permission(request.user, SUPERVISION_HANDLE) and lead.is_open
    return render(request, "supervision/grid/lead.html", {
        **_already_under_way(request, lead),
        "can_correct": (has_permission(request.user, SUPERVISION_HANDLE) and lead.state == LeadState.REPORTED
                        and services.is_recording_office(request.user, lead.region_code, lead.reported_by)),
        "lead": lead, "place": place_names([lead.region_code]).get(lead.region_code, ""),
        "visit": getattr(lead, "visit", None),  # the visit the lead was reported from, if any
        "cases": scoping.visible_to(request.user, lead.inspection_cases.order_by("pk")),  # the inspection part's
        "can_resolve": can_handle, "can_decide": can_handle and _can_decide(request.user),
        "forward_form": forms.get("forward") or ForwardForm(), "dismiss_form": forms.get("dismiss") or DismissForm(),
        "resolve_form": forms.get("resolve") or ResolveForm()})


@staff_view(SUPERVISION_VIEW)
def lead(request, pk):
    return _lead_page(request, _lead(request, pk))


def _decide(request, pk, key, form_class, act, success):
    lead = _lead(request, pk)

    def redisplay(form):
        messages.error(request, "未能处理该线索，请按页面上的提示修改。")
        return _lead_page(request, lead, {key: form})

    return submit(request, form_class(request.POST), lambda data: act(lead, data), success=success,
                  done=lambda _: redirect("supervision:grid-lead", pk=pk), redisplay=redisplay)


def _case_text(lead):
    """“监察案件JC…，待受理” for the case opened from the lead (the inspection part's), as the lead's page says."""
    case = lead.inspection_cases.order_by("-pk").first()
    return f"监察案件{case.number}，{case.get_state_display()}" if case is not None else "监察案件待登记"


@staff_view(SUPERVISION_HANDLE)
def lead_forward(request, pk):
    """移交劳动保障监察: GET the confirmation (the lead, and the cases and open leads already about its employer),
    POST the forwarding."""
    if request.method != "POST":
        lead = _lead(request, pk)
        return render(request, "supervision/grid/lead_forward.html", {
            **_already_under_way(request, lead), "lead": lead, "form": ForwardForm(),
            "place": place_names([lead.region_code]).get(lead.region_code, ""),
            "can_decide": lead.is_open and _can_decide(request.user)})
    return _decide(request, pk, "forward", ForwardForm, lambda lead, data: services.forward_lead(
        actor=request.user, lead=lead, note=data["note"]), lambda lead: f"已移交劳动保障监察（{_case_text(lead)}），待监察机构受理。")


@staff_view(SUPERVISION_HANDLE)
@require_POST
def lead_dismiss(request, pk):
    return _decide(request, pk, "dismiss", DismissForm, lambda lead, data: services.dismiss_lead(
        actor=request.user, lead=lead, reason=data["reason"]), "已记录不予移交及理由。")


@staff_view(SUPERVISION_HANDLE)
@require_POST
def lead_resolve(request, pk):
    return _decide(request, pk, "resolve", ResolveForm, lambda lead, data: services.resolve_lead(
        actor=request.user, lead=lead, note=data["note"]), "已记录为现场解决。")


@staff_view(SUPERVISION_HANDLE)
def lead_correct(request, pk):
    """更正网格线索: the form prefilled with the lead as reported; only the cell's office, while the lead is with
    the cell."""
    lead = _lead(request, pk)
    if not services.is_recording_office(request.user, lead.region_code, lead.reported_by):
        raise PermissionDenied("网格线索只能由报告它的网格单位本身更正；上级单位可以查看、处理，不能代为更正。")
    if (problem := services.forwarded_problem(lead)) is not None:
        messages.error(request, problem)
        return redirect("supervision:grid-lead", pk=lead.pk)
    form = LeadForm(request.POST or None, user=request.user, correcting=True,
                    initial={field: getattr(lead, field) for field in services.LEAD_FIELDS})

    def page(form):
        return render(request, "supervision/grid/lead_form.html", {
            "form": form, "lead": lead, "place": place_names([lead.region_code]).get(lead.region_code, "")})

    if request.method != "POST":
        return page(form)
    return submit(request, form, lambda data: services.correct_lead(
        actor=request.user, lead=lead, reported_on=data["reported_on"], employer_name=data["employer_name"],
        employer_uscc=data["employer_uscc"], kind=data["kind"], description=data["description"],
        workers_affected=data["workers_affected"] or 0),
        success=lambda lead: f"已更正线索：{lead.employer_name}（{lead.get_kind_display()}，涉及{lead.workers_affected}人）。",
        done=lambda lead: redirect(reverse("supervision:grid-leads") + f"?region={lead.region_code}&year=all"),
        redisplay=page)


# --- visits ----------------------------------------------------------------------------------------------------


def _visit_filters(request, today):
    return {"year": _year(request, today), "problems_only": request.GET.get("problems") == "1",
            "q": request.GET.get("q", "")[:30]}


@staff_view(SUPERVISION_VIEW)
def visits(request):
    """走访用人单位台账 of a region (the user's own by default): filters, pages of 50, .xlsx."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _visit_filters(request, today)
    page = Paginator(selectors.visits(request.user, region, **filters), 50).get_page(request.GET.get("page"))
    return render(request, "supervision/grid/visits.html", {
        "region": region, "today": today, "page": page, "filters": filters, "query": query_without_page(request),
        "places": place_names((visit.region_code for visit in page), below=region),
        "years": range(today.year, today.year - 5, -1), "crumbs": scoping.breadcrumb(request.user, region),
        "can_handle": has_permission(request.user, SUPERVISION_HANDLE), "own_code": _own_code(request.user)})


@staff_view(SUPERVISION_VIEW)
@ratelimit.per_user("export")
def visits_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    rows = list(selectors.visits(request.user, region, **_visit_filters(request, today)))
    places = place_names((visit.region_code for visit in rows), below=region)
    return ledger_download(request, VISITS_TITLE, region, today, selectors.VISITS_HEADER,
                           [selectors.visit_cells(visit, places) for visit in rows],
                           action="supervision.grid_visits.exported")


def _visit_form_page(request, form):
    return render(request, "supervision/grid/visit_form.html", {"form": form})


@staff_view(SUPERVISION_HANDLE)
def visit_new(request):
    """登记走访用人单位 (and, when a problem was found, a lead from it)."""
    region = scoping.region_from_request(request) if request.method == "GET" else None
    form = VisitForm(request.POST or None, user=request.user, initial={
        "region": own_cell(request.user, region), "visited_on": timezone.localdate()})
    if request.method != "POST":
        return _visit_form_page(request, form)
    return submit(request, form, lambda data: services.record_visit(
        actor=request.user, region=data["region"], visited_on=data["visited_on"],
        employer_name=data["employer_name"], employer_uscc=data["employer_uscc"], findings=data["findings"],
        problems_found=data["problems_found"], lead_kind=data["lead_kind"],
        lead_description=data["lead_description"], workers_affected=data["workers_affected"] or 0),
        success=lambda visit: f"已登记对{visit.employer_name}的走访" + ("，并报告了线索。" if visit.lead else "。"),
        done=lambda visit: redirect(reverse("supervision:grid-visits") + f"?region={visit.region_code}"),
        redisplay=lambda form: _visit_form_page(request, form))


@staff_view(SUPERVISION_HANDLE)
def visit_correct(request, pk):
    """更正走访记录: the form prefilled with the visit as recorded; only the cell's office."""
    visit = scoping.get_visible_or_404(EmployerVisit.objects.select_related("lead"), request.user, pk=pk)
    if not services.is_recording_office(request.user, visit.region_code, visit.by):
        raise PermissionDenied("走访记录只能由登记它的网格单位本身更正；上级单位可以查看，不能代为更正。")
    form = VisitForm(request.POST or None, user=request.user, correcting=True,
                     initial={field: getattr(visit, field) for field in services.VISIT_FIELDS})

    def page(form):
        return render(request, "supervision/grid/visit_form.html", {
            "form": form, "visit": visit, "place": place_names([visit.region_code]).get(visit.region_code, "")})

    if request.method != "POST":
        return page(form)
    return submit(request, form, lambda data: services.correct_visit(
        actor=request.user, visit=visit, visited_on=data["visited_on"], employer_name=data["employer_name"],
        employer_uscc=data["employer_uscc"], findings=data["findings"], problems_found=data["problems_found"]),
        success=lambda visit: f"已更正对{visit.employer_name}的走访记录（{visit.visited_on:%Y-%m-%d}）。",
        done=lambda visit: redirect(reverse("supervision:grid-visits")
                                    + f"?region={visit.region_code}&year={visit.visited_on.year}"),
        redisplay=page)


urlpatterns = [
    path("grid/", cell, name="grid-cell"),
    path("grid/staff/", staff_add, name="grid-staff-add"),
    path("grid/staff/<int:pk>/remove/", staff_remove, name="grid-staff-remove"),
    path("grid/leads/", leads, name="grid-leads"),
    path("grid/leads/export.xlsx", leads_export, name="grid-leads-export"),
    path("grid/leads/new/", lead_new, name="grid-lead-new"),
    path("grid/leads/<int:pk>/", lead, name="grid-lead"),
    path("grid/leads/<int:pk>/correct/", lead_correct, name="grid-lead-correct"),
    path("grid/leads/<int:pk>/forward/", lead_forward, name="grid-lead-forward"),
    path("grid/leads/<int:pk>/dismiss/", lead_dismiss, name="grid-lead-dismiss"),
    path("grid/leads/<int:pk>/resolve/", lead_resolve, name="grid-lead-resolve"),
    path("grid/visits/", visits, name="grid-visits"),
    path("grid/visits/export.xlsx", visits_export, name="grid-visits-export"),
    path("grid/visits/new/", visit_new, name="grid-visit-new"),
    path("grid/visits/<int:pk>/correct/", visit_correct, name="grid-visit-correct"),
]
