from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import areas, audit, ratelimit, scoping
from hrss.core.forms import form_errors_text
from hrss.core.models import Level, Region
from hrss.core.permissions import has_permission, staff_view
from hrss.core.spreadsheets import xlsx_response
from hrss.core.working_age import retirement_age_label, retirement_month
from hrss.residents import exports, import_jobs, reports, selectors, services
from hrss.residents.forms import ImportForm, MoveForm, NewPersonForm, PersonForm, RevealForm, StatusChangeForm
from hrss.residents.imports import ImportRefused
from hrss.residents.models import ImportJob, LabourStatus, Person
from hrss.residents.permissions import ID_NUMBER_REVEAL, RESIDENT_EDIT, RESIDENT_VIEW
from hrss.residents.statistics import figures_for


def _messages(error):
    return "；".join(error.messages)


@staff_view(RESIDENT_VIEW)
def ledger(request):
    region = scoping.region_from_request(request)
    filters = {key: request.GET.get(key, "") for key in ("q", "status", "sex", "band")}
    people = selectors.search_people(request.user, region=region, query=filters["q"], status=filters["status"],
                                     sex=filters["sex"], band=filters["band"])
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    children = figures_for(request.user, region)["children"]
    context = {
        "region": region, "page": page, "filters": filters, "children": children,
        "breadcrumb": scoping.breadcrumb(request.user, region), "statuses": LabourStatus.choices,
        "bands": selectors.AGE_BANDS, "can_edit": has_permission(request.user, RESIDENT_EDIT),
    }
    template = "residents/_ledger_rows.html" if request.htmx and request.htmx.target == "ledger-rows" else \
        "residents/ledger.html"
    return render(request, template, context)


@staff_view(RESIDENT_VIEW)
def person_detail(request, pk, status_form=None, move_form=None):
    person = scoping.get_visible_or_404(Person, request.user, pk=pk)
    village = Region.objects.filter(code=person.region_code).first()
    household = []
    if person.household_id:
        household = scoping.visible_to(request.user, Person.objects.filter(household_id=person.household_id)
                                       ).order_by("birth_date")
    today = timezone.localdate()
    year, month = retirement_month(person.birth_date, person.sex, person.retirement_category)
    return render(request, "residents/person_detail.html", {
        "person": person, "village": village, "household": household,
        "events": person.status_events.select_related("recorded_by").order_by("-effective_date", "-id"),
        "moves": person.moves.order_by("-effective_date"),
        "age": person.age_on(today), "retirement": f"{year}年{month}月（{retirement_age_label(person.birth_date, person.sex, person.retirement_category)}）",
        "breadcrumb": scoping.breadcrumb(request.user, village) if village else [],
        "status_form": status_form or StatusChangeForm(initial={"effective_date": today}),
        "edit_form": PersonForm(initial={field: getattr(person, field) for field in services.EDITABLE_FIELDS}),
        "move_form": move_form or MoveForm(initial={"effective_date": today}, actor=request.user),
        "reveal_form": RevealForm(),
        "can_edit": has_permission(request.user, RESIDENT_EDIT),
        "can_reveal": has_permission(request.user, ID_NUMBER_REVEAL),
        # What the other areas show about this person (their panels, core.areas): residents names none of them.
        "panels": areas.panels_for("person", request, person),
    })


@require_POST
@staff_view(RESIDENT_EDIT)
def person_status(request, pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=pk)
    form = StatusChangeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "未保存：请填写新的就业状态和起始日期。")
        return person_detail(request, pk, status_form=form)  # what was typed stays in the form
    data = form.cleaned_data
    try:
        event, warnings = services.record_status_change(actor=request.user, person=person, status=data["status"],
                                                        detail=data["detail"], effective_date=data["effective_date"],
                                                        note=data["note"])
    except ValidationError as error:
        messages.error(request, f"未保存：{_messages(error)}")
        return person_detail(request, pk, status_form=form)
    messages.success(request, _status_recorded(event, person))
    for warning in warnings:
        messages.warning(request, warning)
    return redirect("residents:person-detail", pk=person.pk)


def _status_recorded(event, person):
    """What the success message says: a change older than the current status goes into the history only."""
    label = event.get_status_display() + (f"（{event.detail_label}）" if event.detail else "")
    recorded = f"{event.effective_date:%Y-%m-%d} 起的{label}"
    if (person.labour_status, person.status_detail, person.status_since) == (
            event.status, event.detail, event.effective_date):
        return f"已记录 {recorded}。"
    return (f"已记录 {recorded}；当前状态仍为 {person.status_since:%Y-%m-%d} 起的{person.status_label}"
            "（按起始日期最晚的一条记录）。")


@require_POST
@staff_view(RESIDENT_EDIT)
def person_edit(request, pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=pk)
    form = PersonForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"未保存：{form_errors_text(form)}")
        return redirect("residents:person-detail", pk=person.pk)
    try:
        version = int(request.POST.get("version", ""))
        services.update_person(actor=request.user, person=person, version=version, **form.cleaned_data)
    except (ValueError, ValidationError) as error:
        messages.error(request, _messages(error) if isinstance(error, ValidationError) else "页面已过期，请刷新后重试。")
    else:
        messages.success(request, "人员信息已保存。")
    return redirect("residents:person-detail", pk=person.pk)


@require_POST
@staff_view(RESIDENT_EDIT)
def person_move(request, pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=pk)
    form = MoveForm(request.POST, actor=request.user)
    if not form.is_valid():
        messages.error(request, f"未迁移：{form_errors_text(form)}")
        return person_detail(request, pk, move_form=form)
    village = form.cleaned_data["to_village"]
    try:
        services.move_person(actor=request.user, person=person, to_village=village,
                             effective_date=form.cleaned_data["effective_date"])
    except ValidationError as error:
        messages.error(request, f"未迁移：{_messages(error)}")
        return person_detail(request, pk, move_form=form)
    messages.success(request, f"已迁入{village.name}。")
    return redirect("residents:person-detail", pk=person.pk)


@require_POST
@staff_view(ID_NUMBER_REVEAL)
def person_reveal(request, pk):
    person = scoping.get_visible_or_404(Person, request.user, pk=pk)
    form = RevealForm(request.POST)
    if not form.is_valid():
        return HttpResponse('<span class="text-danger">请填写查看事由。</span>')
    number = services.reveal_id_number(actor=request.user, person=person, reason=form.cleaned_data["reason"])
    response = render(request, "residents/_revealed.html", {"number": number})
    response["Cache-Control"] = "no-store"
    return response


@staff_view(RESIDENT_EDIT)
def person_new(request):
    villages = scoping.regions_visible_to(request.user).filter(level=Level.VILLAGE)
    code = request.GET.get("village") or request.POST.get("village")
    village = villages.filter(code=code).first() if code else (villages.first() if villages.count() == 1 else None)
    form = NewPersonForm(request.POST or None, initial={"status_since": timezone.localdate()})
    if request.method == "POST" and village is not None and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            person, warnings = services.register_person(
                actor=request.user, id_number=data.pop("id_number"), name=data.pop("name"), village=village,
                status=data.pop("status"), status_detail=data.pop("detail"), status_since=data.pop("status_since"),
                head_id_number=data.pop("head_id_number"), **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已登记：{person.name}")
            for warning in warnings:
                messages.warning(request, warning)
            return redirect("residents:person-detail", pk=person.pk)
    return render(request, "residents/person_new.html", {"form": form, "village": village,
                                                         "villages": villages if village is None else []})


@staff_view(RESIDENT_VIEW)
def statistics(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    figures = figures_for(request.user, region)
    zero = selectors.zero_employment_households(request.user, region, day=today) if region.level >= Level.TOWNSHIP else None
    rural = selectors.zero_employment_households(request.user, region, day=today, urban=False) \
        if region.level >= Level.TOWNSHIP else None
    return render(request, "residents/statistics.html", {
        "region": region, "breadcrumb": scoping.breadcrumb(request.user, region), "figures": figures,
        "status_counts": figures["status_counts"], "age_sex": figures["age_sex"],
        "children": figures["children"], "zero_households": zero, "rural_zero_households": rural, "today": today,
        "urban_definition": selectors.URBAN_DEFINITION,
        # The other areas' figures beside these (e.g. employment's registered unemployed beside the ledger's 失业).
        "panels": areas.panels_for("region_statistics", request, region),
    })


@staff_view(RESIDENT_VIEW)
@ratelimit.per_user("export")
def export(request):
    region = scoping.region_from_request(request)
    content = exports.ledger_xlsx(request.user, region)
    audit.record(actor=request.user, action="residents.ledger.exported", target=region,
                 after={"rows": content.rows, "sha256": content.sha256})
    response = xlsx_response(content.data, f"劳动力资源台账-{region.name}-{timezone.localdate():%Y%m%d}.xlsx")
    response["Cache-Control"] = "no-store"
    return response


@staff_view(RESIDENT_VIEW)
def import_template(request):
    return xlsx_response(reports.template_xlsx(), "劳动力资源台账导入模板.xlsx")


@staff_view(RESIDENT_EDIT)
def import_page(request):
    villages = list(scoping.regions_visible_to(request.user).filter(level=Level.VILLAGE))
    form = ImportForm(request.POST or None, request.FILES or None, villages=villages)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["village_code"]
        village = next((v for v in villages if v.code == code), None) if code else None
        try:
            job = import_jobs.start_import(actor=request.user, uploaded_file=form.cleaned_data["file"],
                                           village=village, dry_run=form.cleaned_data["dry_run"])
        except ImportRefused as error:
            form.add_error("file", str(error))
        else:
            return redirect("residents:import-job", pk=job.pk)
    jobs = scoping.visible_to(request.user, ImportJob.objects.filter(created_by=request.user))[:10]
    return render(request, "residents/import.html", {"form": form, "jobs": jobs})


@staff_view(RESIDENT_EDIT)
def import_job(request, pk):
    job = scoping.get_visible_or_404(ImportJob, request.user, pk=pk)
    template = "residents/_import_progress.html" if request.htmx else "residents/import_job.html"
    return render(request, template, {"job": job, "rejected": job.rejected[:200]})


@staff_view(RESIDENT_EDIT)
def import_errors(request, pk):
    job = scoping.get_visible_or_404(ImportJob, request.user, pk=pk)
    return xlsx_response(reports.rejected_rows_xlsx(job.rejected), f"未导入的行-{job.file_name}.xlsx")


@require_POST
@staff_view(RESIDENT_EDIT)
def import_resume(request, pk):
    job = scoping.get_visible_or_404(ImportJob, request.user, pk=pk)
    try:
        import_jobs.resume_import(actor=request.user, job=job)
    except ImportRefused as error:
        messages.error(request, str(error))
    return redirect("residents:import-job", pk=job.pk)
