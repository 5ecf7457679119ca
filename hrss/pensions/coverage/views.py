"""The coverage part's pages under /pensions/ (url names prefixed with "coverage-"): KPI 5 per region with drill-down
(city → county → township → village → the people), the people behind each number and the village's 未参保人员名单
with its .xlsx, the plan's targets of the area side by side, and the employees' scheme records (list, record, end,
import). Views only translate: writes are services.py's, reads selectors.py's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import ratelimit, scoping
from hrss.core.forms import submit
from hrss.core.pages import query_without_page, xlsx_download
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.core.spreadsheets import xlsx_response
from hrss.core.tabular import errors_xlsx
from hrss.pensions.coverage import imports, rules, selectors, services, targets
from hrss.pensions.coverage.forms import EmployeeSchemeForm, EndForm, ImportForm
from hrss.pensions.models import EmployeeSchemeRecord
from hrss.pensions.pages import run_import
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.pensions.schemes.rules import shown_source
from hrss.residents.models import Person

IMPORT_ERRORS_KEY = "pensions_employee_scheme_import_errors"
PEOPLE_TITLE = "社会保险覆盖人员名单"


def _scope_note(today):
    scope = rules.coverage_scope_on(today)
    return (f"在范围：台账中年满{scope.minimum_age}周岁{'、非在校学生' if scope.students_excluded else ''}、"
            f"未死亡的人员（依据：{shown_source(scope.source)}）。每人只计一类，按表头从左到右的顺序。")


def _rows(user, region, today):
    children = selectors.child_regions(user, region)
    total, by_child, own = selectors.counts_by_child(user, region, today, children)
    rows = [{"region": child, "counts": by_child[child.code]} for child in children]
    return total, rows, own


@staff_view(PENSIONS_VIEW)
def coverage(request):
    """城乡居民社会保险服务覆盖 (KPI 5): the region's residents in scope, insured by kind, uninsured and the share,
    for the region and each of its children; a child's name opens its own table, a number its people."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    total, rows, own = _rows(request.user, region, today)
    return render(request, "pensions/coverage/coverage.html", {
        "region": region, "today": today, "total": total, "rows": rows, "own": own,
        "kinds": [kind for kind, _count in total.cells()], "scope_note": _scope_note(today),
        "crumbs": scoping.breadcrumb(request.user, region)})


def _filters(request):
    kind = request.GET.get("kind", "")
    return {"kind": kind if kind in selectors.ALL_KINDS else "uninsured", "q": request.GET.get("q", "")[:30]}


def intake_url(person):
    """Where to enrol `person`: the enrolment part's intake (参保登记) for that person."""
    return reverse("pensions:enrolment-new", args=[person.pk])


@staff_view(PENSIONS_VIEW)
def people(request):
    """The people behind a number of the coverage table (?kind=, 未参保 by default): a village's list is the
    未参保人员名单 for door-to-door work, with masked ID numbers, ages and a link to the enrolment intake."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _filters(request)
    page = Paginator(selectors.people(request.user, region, today, **filters), 50).get_page(request.GET.get("page"))
    places = place_names((person.region_code for person in page), below=region)
    rows = selectors.people_rows(page, today, places)
    can_handle = has_permission(request.user, PENSIONS_HANDLE)
    for row in rows:
        row["intake_url"] = intake_url(row["person"]) if can_handle else ""
    return render(request, "pensions/coverage/people.html", {
        "region": region, "today": today, "page": page, "rows": rows, "filters": filters,
        "kind": selectors.ALL_KINDS[filters["kind"]], "kinds": list(selectors.ALL_KINDS.values()),
        "query": query_without_page(request), "can_handle": can_handle, "offset": page.start_index() - 1 if rows else 0,
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(PENSIONS_VIEW)
@ratelimit.per_user("export")
def people_export(request):
    """The people list as .xlsx (ID numbers masked), with blank columns for the door-to-door visit."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _filters(request)
    persons = list(selectors.people(request.user, region, today, **filters))
    rows = selectors.people_rows(persons, today, place_names((p.region_code for p in persons), below=region))
    kind = selectors.ALL_KINDS[filters["kind"]]
    title = f"{kind.label}人员名单（{region.name}，截至{today:%Y年%m月%d日}）"
    return xlsx_download(request, [(kind.label, [title], [selectors.PEOPLE_HEADER, *(row["cells"] for row in rows)])],
                         f"{kind.label}人员名单-{region.name}-{today:%Y%m%d}.xlsx",
                         action="pensions.coverage_people.exported", target=region, after={"rows": len(rows)})


@staff_view(PENSIONS_VIEW)
def plan_targets(request):
    """The plan's targets of this area side by side, per child region: KPI 2 (enrolments with complete documents
    done the same day, this month) and KPI 5 (residents in scope who are insured)."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    total, rows, own = _rows(request.user, region, today)
    kpi2 = targets.same_day_enrolments(request.user, region, today)

    def with_rate(found):
        return (*found, targets.rate(*found)) if found else None

    for row in rows:
        row["kpi2"] = with_rate(kpi2.get(row["region"].code))
    return render(request, "pensions/coverage/targets.html", {
        "region": region, "today": today, "total": total, "rows": rows, "own": own,
        "total_kpi2": with_rate(kpi2.get(region.code)), "kpi2_url": targets.kpi2_url(),
        "crumbs": scoping.breadcrumb(request.user, region)})


# --- the employees' scheme records -----------------------------------------------------------------------------


def _record_filters(request):
    state = request.GET.get("state", "")
    return {"state": state if state in ("in_force", "ended") else "", "q": request.GET.get("q", "")[:30]}


@staff_view(PENSIONS_VIEW)
def employee_schemes(request):
    """职工养老保险参保信息: the records of a region (the user's own by default), filters, pages."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _record_filters(request)
    page = Paginator(selectors.employee_scheme_records(request.user, region, day=today, **filters), 50).get_page(
        request.GET.get("page"))
    return render(request, "pensions/coverage/employee_schemes.html", {
        "region": region, "today": today, "page": page, "filters": filters, "query": query_without_page(request),
        "places": place_names((record.region_code for record in page), below=region),
        "can_handle": has_permission(request.user, PENSIONS_HANDLE),
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(PENSIONS_HANDLE)
def employee_scheme_new(request, person_pk):
    """登记职工养老保险参保信息 of a person of the ledger."""
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    form = EmployeeSchemeForm(request.POST or None)

    def page(form):
        return render(request, "pensions/coverage/employee_scheme_form.html", {
            "person": person, "form": form, "records": selectors.records_of(person)})

    if request.method != "POST":
        return page(form)
    return submit(request, form, lambda data: services.record_employee_scheme(
        actor=request.user, person=person, since=data["since"], until=data["until"],
        employer_name=data["employer_name"], source=data["source"], today=timezone.localdate()),
        success=f"已登记{person.name}的职工养老保险参保信息。",
        done=lambda record: redirect("pensions:coverage-employee-scheme-detail", pk=record.pk), redisplay=page)


def _record(request, pk):
    return scoping.get_visible_or_404(EmployeeSchemeRecord.objects.select_related("person", "created_by"),
                                      request.user, pk=pk)


@staff_view(PENSIONS_VIEW)
def employee_scheme_detail(request, pk):
    record = _record(request, pk)
    today = timezone.localdate()
    return render(request, "pensions/coverage/employee_scheme_detail.html", {
        "record": record, "person": record.person, "today": today,
        "in_force": record.since <= today and (record.until is None or record.until >= today),
        "form": EndForm(initial={"until": today}) if record.until is None else None,
        "can_handle": has_permission(request.user, PENSIONS_HANDLE),
        "others": selectors.records_of(record.person).exclude(pk=record.pk)})


@staff_view(PENSIONS_HANDLE)
@require_POST
def employee_scheme_end(request, pk):
    record = _record(request, pk)
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            services.end_employee_scheme(actor=request.user, record=record, until=form.cleaned_data["until"],
                                         note=form.cleaned_data["note"], today=timezone.localdate())
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"已登记{record.person.name}的职工养老保险终止。")
    else:
        messages.error(request, "请填写终止日期。")
    return redirect("pensions:coverage-employee-scheme-detail", pk=record.pk)


@staff_view(PENSIONS_HANDLE)
def employee_scheme_import(request):
    """导入职工养老保险参保名单 for the people of a region (the user's own by default)."""
    region = scoping.region_from_request(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = run_import(request, form, lambda path: services.import_employee_schemes(
            actor=request.user, region=region, path=path, source=form.cleaned_data["source"],
            today=timezone.localdate()), errors_key=IMPORT_ERRORS_KEY, fix="核对",
            success=lambda result: f"已导入：新登记 {result.created} 人，办理终止 {result.updated} 人。"
            if result.created or result.updated else "")
    return render(request, "pensions/coverage/import.html", {
        "form": form, "region": region, "result": result,
        "rejected_rows": len({error.row for error in result.rejected}) if result else 0})


@staff_view(PENSIONS_HANDLE)
def employee_scheme_import_errors(request):
    """The rejected rows of the user's last import (kept in their session) as .xlsx."""
    return xlsx_response(errors_xlsx(request.session.get(IMPORT_ERRORS_KEY, [])), "职工养老保险参保名单未导入的行.xlsx")


@staff_view(PENSIONS_VIEW)
def employee_scheme_template(request):
    return xlsx_response(imports.template(), "职工养老保险参保名单模板.xlsx")


urlpatterns = [
    path("coverage/", coverage, name="coverage"),
    path("coverage/people/", people, name="coverage-people"),
    path("coverage/people/export/", people_export, name="coverage-people-export"),
    path("coverage/targets/", plan_targets, name="coverage-targets"),
    path("coverage/employee-schemes/", employee_schemes, name="coverage-employee-schemes"),
    path("coverage/employee-schemes/import/", employee_scheme_import, name="coverage-employee-scheme-import"),
    path("coverage/employee-schemes/import-errors.xlsx", employee_scheme_import_errors,
         name="coverage-employee-scheme-import-errors"),
    path("coverage/employee-schemes/template.xlsx", employee_scheme_template,
         name="coverage-employee-scheme-template"),
    path("coverage/employee-schemes/<int:pk>/", employee_scheme_detail, name="coverage-employee-scheme-detail"),
    path("coverage/employee-schemes/<int:pk>/end/", employee_scheme_end, name="coverage-employee-scheme-end"),
    path("coverage/people/<int:person_pk>/employee-scheme/", employee_scheme_new,
         name="coverage-employee-scheme-new"),
]
