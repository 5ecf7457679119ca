"""Pages of the guidance part: 职业指导 (record from a person's page, correct, the ledger and its .xlsx) and 招聘会
(list, new, detail with its vacancies, visitors and hires). Each fetches through core.scoping and calls one
service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import pages, ratelimit, scoping
from hrss.core.forms import form_errors_text
from hrss.core.id_numbers import InvalidIdNumber, normalise
from hrss.core.models import Region
from hrss.core.permissions import has_permission, staff_view
from hrss.jobservices.guidance import exports, selectors, services
from hrss.jobservices.guidance.forms import (
    AttendanceForm,
    CancelFairForm,
    FairChangeForm,
    FairForm,
    FairVacancyForm,
    GuidanceForm,
    VisitorsForm,
)
from hrss.jobservices.models import FairVacancy, GuidanceRecord, JobFair, Vacancy, VacancyStatus
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW
from hrss.residents.models import Person

GUIDANCE_LEDGER = "职业指导台账"
FAIR_LEDGER = "招聘会台账"


def _errors(error):
    return "；".join(error.messages)


# --- 职业指导 -----------------------------------------------------------------------------------------------


@staff_view(JOBSERVICES_HANDLE)
def guidance_new(request, person_pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    form = GuidanceForm(request.POST or None, initial={"given_on": timezone.localdate(), "next_step": "none"})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_guidance(actor=request.user, person=person, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已记录 {person.name} 的职业指导。")
            return redirect("residents:person-detail", pk=person.pk)
    return render(request, "jobservices/guidance/guidance_form.html", {"person": person, "form": form})


@staff_view(JOBSERVICES_VIEW)
def guidance_detail(request, pk):
    record = scoping.get_visible_or_404(GuidanceRecord.objects.select_related("person", "advisor", "office"), request.user,
                                        pk=pk)
    can_correct = has_permission(request.user, JOBSERVICES_HANDLE) and services.is_recording_office(request.user,
                                                                                                   record)
    form = GuidanceForm(request.POST or None, initial={field: getattr(record, field)
                                                       for field in services.GUIDANCE_FIELDS})
    if request.method == "POST":
        if form.is_valid():
            try:
                services.correct_guidance(actor=request.user, record=record, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "已更正职业指导记录。")
                return redirect("jobservices:guidance-detail", pk=record.pk)
        record.refresh_from_db()
    return render(request, "jobservices/guidance/guidance_detail.html", {
        "record": record, "person": record.person, "form": form if can_correct else None,
        "office": record.office.name})


@staff_view(JOBSERVICES_VIEW)
def guidance_list(request):
    region = scoping.region_from_request(request)
    follow_up = request.GET.get("follow_up") == "1"
    if follow_up:  # the office's next steps due (the home page's pending work)
        records = scoping.within_region(selectors.follow_ups_due(request.user, timezone.localdate()), region)
    else:
        records = selectors.guidance_records(request.user, region)
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    places = selectors.place_names(r.region_code for r in page)
    return render(request, "jobservices/guidance/guidance_list.html", {
        "region": region, "page": page, "rows": [(r, places.get(r.region_code, "")) for r in page],
        "follow_up": follow_up, "today": timezone.localdate(),
        "breadcrumb": scoping.breadcrumb(request.user, region),
        "children": selectors.guidance_by_child(request.user, region) if page.number == 1 and not follow_up
        else []})


def _xlsx(request, title, rows_for, action):
    region = scoping.region_from_request(request)
    header, rows = rows_for(request.user, region)
    return pages.xlsx_download(request, [(title, header, rows)],
                               f"{title}-{region.name}-{timezone.localdate():%Y%m%d}.xlsx",
                               action=action, target=region, after={"rows": len(rows)})


@staff_view(JOBSERVICES_VIEW)
@ratelimit.per_user("export")
def guidance_export(request):
    return _xlsx(request, GUIDANCE_LEDGER, exports.guidance_rows, "jobservices.guidance_ledger.exported")


@staff_view(JOBSERVICES_VIEW)
@ratelimit.per_user("export")
def fairs_export(request):
    return _xlsx(request, FAIR_LEDGER, exports.fair_rows, "jobservices.fair_ledger.exported")


# --- 招聘会 ---------------------------------------------------------------------------------------------------


@staff_view(JOBSERVICES_VIEW)
def fairs_list(request):
    region = scoping.region_from_request(request)
    page = Paginator(selectors.fairs(request.user, region), 50).get_page(request.GET.get("page"))
    places = selectors.place_names(fair.region_code for fair in page)
    return render(request, "jobservices/guidance/fair_list.html", {
        "region": region, "page": page, "today": timezone.localdate(),
        "rows": [(fair, places.get(fair.region_code, "")) for fair in page],
        "can_handle": has_permission(request.user, JOBSERVICES_HANDLE)})


@staff_view(JOBSERVICES_HANDLE)
def fairs_new(request):
    form = FairForm(request.POST or None, user=request.user,
                    initial={"region": scoping.scope_of(request.user).region})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            fair = services.plan_fair(actor=request.user, region_code=data["region"].code, name=data["name"],
                                      held_on=data["held_on"], place=data["place"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已登记招聘会“{fair.name}”。")
            return redirect("jobservices:fairs-detail", pk=fair.pk)
    return render(request, "jobservices/guidance/fair_form.html", {"form": form})


def _fair(request, pk):
    return scoping.get_visible_or_404(JobFair, request.user, pk=pk)


def _vacancy_choices(user, fair):
    """Open vacancies the user sees where the fair is held, not yet at the fair (the list's first 300)."""
    open_vacancies = scoping.visible_to(user, Vacancy.objects.filter(status=VacancyStatus.OPEN))
    open_vacancies = scoping.within_region(open_vacancies, Region.objects.get(code=fair.region_code))
    return list(open_vacancies.exclude(fair_offers__fair=fair).select_related("employer")
                .order_by("employer__name", "title")[:300])


@staff_view(JOBSERVICES_VIEW)
def fairs_detail(request, pk):
    fair = _fair(request, pk)
    today = timezone.localdate()
    can_handle = has_permission(request.user, JOBSERVICES_HANDLE) and not fair.is_cancelled
    offers = FairVacancy.objects.filter(fair=fair).select_related("vacancy__employer").order_by(
        "vacancy__employer__name", "vacancy__title")
    # The figures count everyone; the names are only of people the user sees (a county's officer may have
    # registered a visitor, or referred a seeker, from outside a township officer's scope).
    attendances = scoping.visible_to(request.user, fair.attendances.select_related("person")).order_by("person__name")
    return render(request, "jobservices/guidance/fair_detail.html", {
        "fair": fair, "today": today, "figures": selectors.fair_figures(fair), "offers": offers,
        "attendances": attendances, "hires": scoping.visible_to(request.user, selectors.fair_hires(fair)),
        "host": selectors.place_names([fair.region_code]).get(fair.region_code, fair.region_code),
        "can_handle": can_handle, "has_begun": fair.held_on <= today,
        "vacancy_choices": _vacancy_choices(request.user, fair) if can_handle else [],
        "attendance_form": AttendanceForm(), "visitors_form": VisitorsForm(initial={
            "walk_in_count": fair.walk_in_count}), "cancel_form": CancelFairForm()})


@staff_view(JOBSERVICES_HANDLE)
def fairs_edit(request, pk):
    fair = _fair(request, pk)
    form = FairChangeForm(request.POST or None, initial={field: getattr(fair, field)
                                                         for field in services.FAIR_FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_fair(actor=request.user, fair=fair, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "招聘会信息已修改。")
            return redirect("jobservices:fairs-detail", pk=fair.pk)
    return render(request, "jobservices/guidance/fair_form.html", {"form": form, "fair": fair})


def _posted(request, form_class):
    """The fair page's small form as posted, or None after telling the user what to fix (the caller goes back)."""
    form = form_class(request.POST)
    if form.is_valid():
        return form
    messages.error(request, form_errors_text(form))
    return None


def _back(fair):
    return redirect("jobservices:fairs-detail", pk=fair.pk)


def _done(request, fair, call, success):
    try:
        call()
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, success)
    return redirect("jobservices:fairs-detail", pk=fair.pk)


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def fairs_vacancy_add(request, pk):
    fair = _fair(request, pk)
    form = _posted(request, FairVacancyForm)
    if form is None:
        return _back(fair)
    vacancy = scoping.get_visible_or_404(Vacancy.objects.select_related("employer"), request.user,
                                         pk=form.cleaned_data["vacancy"])
    return _done(request, fair, lambda: services.add_fair_vacancy(actor=request.user, fair=fair, vacancy=vacancy),
                 f"已添加岗位“{vacancy.title}”（{vacancy.employer.name}）。")


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def fairs_vacancy_remove(request, pk):
    fair = _fair(request, pk)
    form = _posted(request, FairVacancyForm)
    if form is None:
        return _back(fair)
    vacancy = scoping.get_visible_or_404(Vacancy.objects.select_related("employer"), request.user,
                                         pk=form.cleaned_data["vacancy"])
    return _done(request, fair, lambda: services.remove_fair_vacancy(actor=request.user, fair=fair,
                                                                     vacancy=vacancy),
                 f"已从招聘会移除岗位“{vacancy.title}”。")


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def fairs_attendance(request, pk):
    fair = _fair(request, pk)
    form = _posted(request, AttendanceForm)
    if form is None:
        return _back(fair)
    try:
        number = normalise(form.cleaned_data["id_number"])
    except InvalidIdNumber as error:
        messages.error(request, str(error))
        return redirect("jobservices:fairs-detail", pk=fair.pk)
    person = scoping.visible_to(request.user, Person.objects.filter(id_number=number)).first()
    if person is None:
        messages.error(request, "本辖区台账中没有这个公民身份号码的人员；未登记的参会人员请计入现场入场人数。")
        return redirect("jobservices:fairs-detail", pk=fair.pk)
    return _done(request, fair, lambda: services.record_attendance(actor=request.user, fair=fair, person=person),
                 f"已登记 {person.name} 参会。")


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def fairs_visitors(request, pk):
    fair = _fair(request, pk)
    form = _posted(request, VisitorsForm)
    if form is None:
        return _back(fair)
    count = form.cleaned_data["walk_in_count"]
    return _done(request, fair, lambda: services.set_visitor_count(actor=request.user, fair=fair,
                                                                   walk_in_count=count),
                 f"现场入场人数已记为 {count} 人。")


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def fairs_cancel(request, pk):
    fair = _fair(request, pk)
    form = _posted(request, CancelFairForm)
    if form is None:
        return _back(fair)
    return _done(request, fair, lambda: services.cancel_fair(actor=request.user, fair=fair,
                                                             reason=form.cleaned_data["reason"]),
                 "招聘会已取消。")


urlpatterns = [
    path("guidance/", guidance_list, name="guidance-list"),
    path("guidance/export/", guidance_export, name="guidance-export"),
    path("guidance/new/<int:person_pk>/", guidance_new, name="guidance-new"),
    path("guidance/<int:pk>/", guidance_detail, name="guidance-detail"),
    path("fairs/", fairs_list, name="fairs-list"),
    path("fairs/new/", fairs_new, name="fairs-new"),
    path("fairs/export/", fairs_export, name="fairs-export"),
    path("fairs/<int:pk>/", fairs_detail, name="fairs-detail"),
    path("fairs/<int:pk>/edit/", fairs_edit, name="fairs-edit"),
    path("fairs/<int:pk>/vacancies/", fairs_vacancy_add, name="fairs-vacancy-add"),
    path("fairs/<int:pk>/vacancies/remove/", fairs_vacancy_remove, name="fairs-vacancy-remove"),
    path("fairs/<int:pk>/attendance/", fairs_attendance, name="fairs-attendance"),
    path("fairs/<int:pk>/visitors/", fairs_visitors, name="fairs-visitors"),
    path("fairs/<int:pk>/cancel/", fairs_cancel, name="fairs-cancel"),
]
