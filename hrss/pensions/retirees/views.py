"""The retirees part's pages under /pensions/ (url names prefixed "retirees-"): the 退休人员台账 of a region and its
.xlsx, registering one and importing the agency's list, a retiree's page (files, visits, care, death, moving out),
the retirees due a visit, the 社会化管理率 per region, the activities. Views only translate: writes are
services.py's, reads selectors.py's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import ratelimit, scoping
from hrss.core.forms import submit
from hrss.core.id_numbers import InvalidIdNumber
from hrss.core.pages import ledger_download, query_without_page
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.core.spreadsheets import xlsx_response
from hrss.core.tabular import errors_xlsx
from hrss.pensions.models import Retiree, RetireeState, RetireeVisitKind
from hrss.pensions.pages import person_by_id_number, run_import
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.pensions.retirees import imports, rules, selectors, services
from hrss.pensions.retirees.forms import (
    ActivityForm,
    CareForm,
    DeathForm,
    FilesForm,
    ImportForm,
    MoveOutForm,
    RegisterForm,
    VisitForm,
)
from hrss.residents.models import Person

LEDGER_TITLE = "退休人员台账"
IMPORT_ERRORS_KEY = "pensions_retiree_import_errors"
STATES = ("standing", *RetireeState.values)
BANDS = [value for value, *_rest in selectors.AGE_BANDS]


def _filters(request):
    return {"state": request.GET.get("state", "") if request.GET.get("state") in STATES else "",
            "age_band": request.GET.get("age", "") if request.GET.get("age") in BANDS else "",
            "due_only": request.GET.get("due") == "1", "q": request.GET.get("q", "")[:30]}


@staff_view(PENSIONS_VIEW)
def ledger(request):
    """退休人员台账: the retirees of a region (the user's own by default) with filters, pages of 50, .xlsx."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _filters(request)
    page = Paginator(selectors.ledger(request.user, region, today, **filters), 50).get_page(request.GET.get("page"))
    places = place_names((r.region_code for r in page), below=region)
    return render(request, "pensions/retirees/ledger.html", {
        "region": region, "today": today, "page": page, "filters": filters, "query": query_without_page(request),
        "rows": selectors.ledger_rows(page, today, places), "states": RetireeState.choices,
        "bands": selectors.AGE_BANDS, "crumbs": scoping.breadcrumb(request.user, region),
        "can_handle": has_permission(request.user, PENSIONS_HANDLE)})


@staff_view(PENSIONS_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    retirees = list(selectors.ledger(request.user, region, today, **_filters(request)))
    places = place_names((r.region_code for r in retirees), below=region)
    rows = selectors.ledger_rows(retirees, today, places)
    return ledger_download(request, LEDGER_TITLE, region, today, selectors.LEDGER_HEADER,
                           [row["cells"] for row in rows], action="pensions.retirees_ledger.exported")


def _person_in_scope(user, id_number):
    try:
        return person_by_id_number(user, id_number)
    except InvalidIdNumber:
        return None


@staff_view(PENSIONS_HANDLE)
def register(request):
    """登记企业退休人员 (?person=PK fills in the person of the person page's link)."""
    initial = {}
    if request.GET.get("person", "").isdigit():
        person = scoping.get_visible_or_404(Person, request.user, pk=int(request.GET["person"]))
        initial = {"id_number": person.id_number, "phone": person.phone}
    form = RegisterForm(request.POST or None, initial=initial)
    if request.method != "POST":
        return render(request, "pensions/retirees/register.html", {"form": form})

    def act(data):
        person = _person_in_scope(request.user, data["id_number"])
        if person is None:
            raise ValidationError({"id_number": "您的辖区内的人员台账中没有该公民身份号码：请先在人员台账登记该人员。"})
        return services.register(actor=request.user, person=person, employer_name=data["employer_name"],
                                 employer_code=data["employer_code"], retired_on=data["retired_on"],
                                 pension_amount=data["pension_amount"], phone=data["phone"])

    return submit(request, form, act, success=lambda retiree: f"已登记{retiree.person.name}为企业退休人员"
                                                              "（未纳入社会化管理：档案移交社区后办理接收）。",
                  done=lambda retiree: redirect("pensions:retirees-detail", pk=retiree.pk),
                  redisplay=lambda form: render(request, "pensions/retirees/register.html", {"form": form}))


@staff_view(PENSIONS_HANDLE)
def import_list(request):
    """导入退休人员名单 of the social insurance agency for a village or a township."""
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user,
                      initial={"region": scoping.scope_of(request.user).region})
    result = None
    if request.method == "POST" and form.is_valid():
        result = run_import(request, form, lambda path: services.import_retirees(
            actor=request.user, region=form.cleaned_data["region"], path=path), errors_key=IMPORT_ERRORS_KEY,
            success=lambda result: f"已登记 {len(result.created)} 名退休人员。" if result.created else "")
    return render(request, "pensions/retirees/import.html", {"form": form, "result": result})


@staff_view(PENSIONS_HANDLE)
def import_template(request):
    return xlsx_response(imports.template(), "退休人员名单模板.xlsx")


@staff_view(PENSIONS_HANDLE)
def import_errors(request):
    """The rejected rows of the user's last import (kept in their session) as .xlsx."""
    return xlsx_response(errors_xlsx(request.session.get(IMPORT_ERRORS_KEY, [])), "退休人员名单未导入的行.xlsx")


def _retiree(request, pk):
    return scoping.get_visible_or_404(Retiree.objects.select_related("person"), request.user, pk=pk)


def _detail(request, retiree, forms=None):
    today = timezone.localdate()
    visits = list(retiree.visits.select_related("by").order_by("-visited_on", "-pk"))
    forms = forms or {}
    can_handle = has_permission(request.user, PENSIONS_HANDLE)
    return render(request, "pensions/retirees/detail.html", {
        "retiree": retiree, "person": retiree.person, "today": today, "visits": visits,
        "activities": retiree.activities.order_by("-held_on", "-pk")[:20],
        "age": retiree.person.age_on(today), "reasons": selectors.reasons(retiree, today),
        "due": selectors.is_due(retiree, visits[0].visited_on if visits else None, today),
        "aged_interval": rules.interval(today, "aged"), "sick_interval": rules.interval(today, "sick"),
        "aged_from": rules.aged_from(today), "source": rules.visits_source(),
        "can_handle": can_handle and retiree.is_standing,
        "files_form": forms.get("files") or FilesForm(initial={"on": today}),
        "visit_form": forms.get("visit") or VisitForm(initial={"visited_on": today, "kind": RetireeVisitKind.HOME}),
        "care_form": forms.get("care") or CareForm(initial={"needs_care": retiree.needs_care,
                                                            "health_note": retiree.health_note}),
        "death_form": forms.get("death") or DeathForm(),
        "move_form": forms.get("move") or MoveOutForm(initial={"on": today})})


@staff_view(PENSIONS_VIEW)
def detail(request, pk):
    return _detail(request, _retiree(request, pk))


def _act(request, pk, key, form_class, act, done):
    """A POST of one of the retiree page's forms: the service's refusal is shown on the page with the form."""
    retiree = _retiree(request, pk)

    def redisplay(form):
        messages.error(request, "未能保存，请按页面上的提示修改。")
        return _detail(request, retiree, {key: form})

    return submit(request, form_class(request.POST), lambda data: act(retiree, data), success=lambda _: done(retiree),
                  done=lambda _: redirect("pensions:retirees-detail", pk=pk), redisplay=redisplay)


@staff_view(PENSIONS_HANDLE)
@require_POST
def receive_files(request, pk):
    return _act(request, pk, "files", FilesForm, lambda retiree, data: services.receive_files(
        actor=request.user, retiree=retiree, on=data["on"]),
        lambda retiree: f"已接收{retiree.person.name}的档案，纳入社会化管理。")


@staff_view(PENSIONS_HANDLE)
@require_POST
def visit(request, pk):
    return _act(request, pk, "visit", VisitForm, lambda retiree, data: services.record_visit(
        actor=request.user, retiree=retiree, visited_on=data["visited_on"], kind=data["kind"], note=data["note"]),
        lambda retiree: f"已登记对{retiree.person.name}的走访。")


@staff_view(PENSIONS_HANDLE)
@require_POST
def care(request, pk):
    return _act(request, pk, "care", CareForm, lambda retiree, data: services.set_care(
        actor=request.user, retiree=retiree, needs_care=data["needs_care"], health_note=data["health_note"]),
        lambda retiree: f"已保存{retiree.person.name}的健康状况。")


@staff_view(PENSIONS_HANDLE)
@require_POST
def death(request, pk):
    return _act(request, pk, "death", DeathForm, lambda retiree, data: services.record_death(
        actor=request.user, retiree=retiree, died_on=data["died_on"]),
        lambda retiree: f"已登记{retiree.person.name}死亡，退休人员记录已终止。")


@staff_view(PENSIONS_HANDLE)
@require_POST
def move_out(request, pk):
    return _act(request, pk, "move", MoveOutForm, lambda retiree, data: services.move_out(
        actor=request.user, retiree=retiree, on=data["on"], moved_to=data["moved_to"]),
        lambda retiree: f"已为{retiree.person.name}办理迁出。")


@staff_view(PENSIONS_VIEW)
def due_visits(request):
    """The retirees of a region (the user's own by default) due a visit today, the longest unvisited first."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    page = Paginator(selectors.due_visits(request.user, region, today), 50).get_page(request.GET.get("page"))
    places = place_names((r.region_code for r in page), below=region)
    rows = [{"retiree": r, "place": places.get(r.region_code, ""), "age": r.person.age_on(today),
             "reasons": selectors.reasons(r, today)} for r in page]
    return render(request, "pensions/retirees/due_visits.html", {
        "region": region, "today": today, "page": page, "rows": rows, "query": query_without_page(request),
        "aged_from": rules.aged_from(today), "aged_interval": rules.interval(today, "aged"),
        "sick_interval": rules.interval(today, "sick"), "source": rules.visits_source(),
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(PENSIONS_VIEW)
def rate(request):
    """社会化管理率 of a region and of each region below it; a region's name opens its own, the not-yet-managed
    count opens the ledger of those."""
    region = scoping.region_from_request(request)
    managed, waiting = selectors.management_counts(request.user, region)
    return render(request, "pensions/retirees/rate.html", {
        "region": region, "managed": managed, "waiting": waiting, "rate": selectors.rate(managed, waiting),
        "rows": selectors.management_by_child(request.user, region), "today": timezone.localdate(),
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(PENSIONS_VIEW)
def activities(request):
    region = scoping.region_from_request(request)
    page = Paginator(selectors.activities(request.user, region), 50).get_page(request.GET.get("page"))
    return render(request, "pensions/retirees/activities.html", {
        "region": region, "page": page, "query": query_without_page(request),
        "places": place_names((a.region_code for a in page), below=region),
        "crumbs": scoping.breadcrumb(request.user, region),
        "can_handle": has_permission(request.user, PENSIONS_HANDLE)})


@staff_view(PENSIONS_HANDLE)
def activity_new(request):
    """登记退休人员活动: the region (?region=CODE, the user's own by default) lists its retirees to tick."""
    region = scoping.region_from_request(request)
    retirees = list(selectors.retirees_for_activity(request.user, region)[:500])
    form = ActivityForm(request.POST or None, user=request.user, retirees=retirees,
                        initial={"region": region, "held_on": timezone.localdate()})
    if request.method != "POST":
        return render(request, "pensions/retirees/activity_form.html", {"form": form, "region": region})
    return submit(request, form, lambda data: services.record_activity(
        actor=request.user, region=data["region"], held_on=data["held_on"], title=data["title"], kind=data["kind"],
        participants=data["participants"], participant_count=data["participant_count"], note=data["note"]),
        success=lambda activity: f"已登记活动“{activity.title}”（{activity.participant_count}人参加）。",
        done=lambda activity: redirect(reverse("pensions:retirees-activities") + f"?region={activity.region_code}"),
        redisplay=lambda form: render(request, "pensions/retirees/activity_form.html",
                                      {"form": form, "region": region}))


urlpatterns = [
    path("retirees/", ledger, name="retirees-ledger"),
    path("retirees/export.xlsx", ledger_export, name="retirees-ledger-export"),
    path("retirees/new/", register, name="retirees-new"),
    path("retirees/import/", import_list, name="retirees-import"),
    path("retirees/import/template.xlsx", import_template, name="retirees-import-template"),
    path("retirees/import/errors.xlsx", import_errors, name="retirees-import-errors"),
    path("retirees/due-visits/", due_visits, name="retirees-due-visits"),
    path("retirees/rate/", rate, name="retirees-rate"),
    path("retirees/activities/", activities, name="retirees-activities"),
    path("retirees/activities/new/", activity_new, name="retirees-activity-new"),
    path("retirees/<int:pk>/", detail, name="retirees-detail"),
    path("retirees/<int:pk>/files/", receive_files, name="retirees-files"),
    path("retirees/<int:pk>/visit/", visit, name="retirees-visit"),
    path("retirees/<int:pk>/care/", care, name="retirees-care"),
    path("retirees/<int:pk>/death/", death, name="retirees-death"),
    path("retirees/<int:pk>/move-out/", move_out, name="retirees-move-out"),
]
