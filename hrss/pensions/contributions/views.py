"""The contributions part's pages under /pensions/ (url names prefixed with "contributions-"): the payment files'
imports (upload, progress and result, the unmatched rows and their .xlsx, the list of imports), the unmatched rows
of a region to deal with, the 缴费台账 and its .xlsx, a person's account statement and the 补缴 form. Views only
translate: writes are services.py's, reads selectors.py's and account.py's."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from hrss.core import ratelimit, scoping
from hrss.core.forms import submit
from hrss.core.id_numbers import mask
from hrss.core.pages import query_without_page, xlsx_download
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.core.tabular import ImportRefused
from hrss.pensions.contributions import account, rules, selectors, services
from hrss.pensions.contributions.forms import ArrearsForm, CreditForm, ResolveForm, UploadForm
from hrss.pensions.models import ContributionImport, ImportStatus, UnmatchedPayment
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.pensions.schemes.rules import INTEREST_SOURCE, TIERS_SOURCE, shown_source
from hrss.residents.models import Person

LEDGER_TITLE = "缴费台账"


@staff_view(PENSIONS_VIEW)
def imports(request):
    """缴费文件导入: the imports of the user's area (of ?region=), newest first."""
    region = scoping.region_from_request(request)
    page = Paginator(selectors.imports_of(request.user, region), 30).get_page(request.GET.get("page"))
    return render(request, "pensions/contributions/imports.html", {
        "region": region, "page": page, "query": query_without_page(request), "tab": "imports",
        "crumbs": scoping.breadcrumb(request.user, region),
        "can_handle": has_permission(request.user, PENSIONS_HANDLE)})


@staff_view(PENSIONS_HANDLE)
def import_new(request):
    """上传缴费文件: the source, the importing unit (a region of the user's area) and the file."""
    regions = list(scoping.regions_visible_to(request.user).filter(is_active=True).order_by("code")[:1000])
    form = UploadForm(request.POST or None, request.FILES or None, regions=regions,
                      initial={"region": request.user.region.code if request.user.region_id else ""})
    if request.method == "POST" and form.is_valid():
        region = next(region for region in regions if region.code == form.cleaned_data["region"])
        try:
            job = services.start_import(actor=request.user, uploaded_file=form.cleaned_data["file"],
                                        source=form.cleaned_data["source"], region=region,
                                        dry_run=form.cleaned_data["dry_run"])
        except ImportRefused as error:
            form.add_error("file", str(error))
        else:
            if job.same_file:
                messages.warning(request, services.same_file_message(job))
            return redirect("pensions:contributions-import", pk=job.pk)
    return render(request, "pensions/contributions/import_new.html", {"form": form, "tab": "imports"})


def _import(request, pk):
    return scoping.get_visible_or_404(ContributionImport.objects.select_related("created_by"), request.user, pk=pk)


@staff_view(PENSIONS_VIEW)
def import_detail(request, pk):
    """An import's progress (polled while it runs) and result: the counts and the unmatched rows."""
    job = _import(request, pk)
    finished = job.status in (ImportStatus.DONE, ImportStatus.FAILED)
    percent = 100 if finished else (min(99, job.rows_processed * 100 // job.rows_total) if job.rows_total else 0)
    rows = list(job.unmatched_rows.order_by("row")[:200])
    context = {"job": job, "finished": finished, "percent": percent, "rows": rows,
               "stalled": selectors.import_stalled(job, timezone.now()),
               "masked": {row.pk: mask(row.id_number) for row in rows}, "tab": "imports",
               "can_handle": has_permission(request.user, PENSIONS_HANDLE)}
    if request.htmx:
        return render(request, "pensions/contributions/_import_progress.html", context)
    return render(request, "pensions/contributions/import_detail.html", context)


@staff_view(PENSIONS_VIEW)
@ratelimit.per_user("export")
def import_unmatched(request, pk):
    """The import's unmatched rows as .xlsx (ID numbers masked)."""
    job = _import(request, pk)
    rows = (selectors.unmatched_cells(row) for row in job.unmatched_rows.order_by("row").iterator())
    return xlsx_download(request, [("未匹配的缴费", [f"未匹配的缴费（{job.file_name}）"],
                                    [selectors.UNMATCHED_HEADER, *rows])], f"未匹配的缴费-{job.pk}.xlsx",
                         action="pensions.unmatched.exported", target=job, region_code=job.region_code,
                         after={"exported_rows": job.unmatched})


@staff_view(PENSIONS_VIEW)
def unmatched(request):
    """未匹配缴费: the rows of the region's imports not applied and not yet dealt with (?all=1: the dealt with
    too)."""
    region = scoping.region_from_request(request)
    show_all = request.GET.get("all") == "1"
    page = Paginator(selectors.unmatched(request.user, region, open_only=not show_all), 50).get_page(
        request.GET.get("page"))
    return render(request, "pensions/contributions/unmatched.html", {
        "region": region, "page": page, "query": query_without_page(request), "show_all": show_all, "tab": "unmatched",
        "masked": {row.pk: mask(row.id_number) for row in page}, "crumbs": scoping.breadcrumb(request.user, region),
        "can_handle": has_permission(request.user, PENSIONS_HANDLE)})


@staff_view(PENSIONS_HANDLE)
def unmatched_resolve(request, pk):
    """处理未匹配缴费: say how the row was dealt with, or (an ID number of a person enrolled in scope whose name in
    the file differs) 确认为本人（姓名有误），入账."""
    row = scoping.get_visible_or_404(UnmatchedPayment.objects.select_related("import_file"), request.user, pk=pk)
    form = ResolveForm(request.POST or None)
    ledger_person = selectors.ledger_person_of(request.user, row)

    def page(form, credit_form=None):
        return render(request, "pensions/contributions/resolve.html", {
            "row": row, "form": form, "masked": mask(row.id_number), "tab": "unmatched",
            "ledger_person": ledger_person, "credit_form": credit_form})

    if request.method != "POST":
        return page(form)
    if "credit" in request.POST:
        return submit(request, CreditForm(request.POST), lambda _data: services.credit_unmatched(
            actor=request.user, row=row, today=timezone.localdate()),
            success=f"已确认第{row.row}行为本人并入账。",
            done=lambda _: redirect("pensions:contributions-import", pk=row.import_file_id),
            redisplay=lambda credit_form: page(ResolveForm(), credit_form))
    return submit(request, form, lambda data: services.resolve_unmatched(
        actor=request.user, row=row, resolution=data["resolution"]),
        success=f"已处理第{row.row}行（{row.name}）。",
        done=lambda _: redirect("pensions:contributions-import", pk=row.import_file_id), redisplay=page)


def _year(request, today):
    value = request.GET.get("year", "")
    if value.isdigit() and 2009 <= int(value) <= today.year + 1:
        return int(value)
    return today.year


def _filters(request):
    return {"paid": request.GET.get("paid", "") if request.GET.get("paid") in ("yes", "no") else "",
            "q": request.GET.get("q", "").strip()[:30]}


@staff_view(PENSIONS_VIEW)
def ledger(request):
    """缴费台账: the enrolled people of a region with what they paid for a year (this year by default), the
    subsidy credited for it, their tier and the account's balance today; filters, pages, .xlsx."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    year, filters = _year(request, today), _filters(request)
    page = Paginator(selectors.ledger(request.user, region, year, **filters), 50).get_page(request.GET.get("page"))
    places = place_names((enrolment.region_code for enrolment in page), below=region)
    return render(request, "pensions/contributions/ledger.html", {
        "region": region, "today": today, "year": year, "years": range(today.year, 2008, -1), "filters": filters,
        "page": page, "rows": selectors.ledger_rows(page, year, today, places), "query": query_without_page(request),
        "masked": True, "crumbs": scoping.breadcrumb(request.user, region), "tab": "ledger"})


@staff_view(PENSIONS_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    year, filters = _year(request, today), _filters(request)
    enrolments = list(selectors.ledger(request.user, region, year, **filters))
    places = place_names((enrolment.region_code for enrolment in enrolments), below=region)
    rows = selectors.ledger_rows(enrolments, year, today, places)
    title = f"{LEDGER_TITLE}（{region.name}，{year}年度，截至{today:%Y年%m月%d日}）"
    return xlsx_download(request, [(LEDGER_TITLE, [title], [selectors.LEDGER_HEADER, *(row["cells"] for row in rows)])],
                         f"{LEDGER_TITLE}-{region.name}-{year}.xlsx", action="pensions.contribution_ledger.exported",
                         target=region, after={"exported_rows": len(rows), "contribution_year": year})


def _person(request, pk):
    return scoping.get_visible_or_404(Person, request.user, pk=pk)


@staff_view(PENSIONS_VIEW)
def person_account(request, pk):
    """个人账户: the person's account statement by year, with the rules it follows."""
    person = _person(request, pk)
    today = timezone.localdate()
    rows = account.statement(person, today)
    contributions = person.pension_contributions.order_by("-paid_on", "-pk")[:100]
    enrolment = services.standing_enrolment(person)
    return render(request, "pensions/contributions/account.html", {
        "person": person, "today": today, "rows": rows, "balance": rows[-1].closing if rows else account.ZERO,
        "paid_years": account.paid_years(person, today), "contributions": contributions, "rule": account.RULE,
        "interest_source": shown_source(INTEREST_SOURCE), "tiers_source": shown_source(TIERS_SOURCE),
        "subsidy_rule": rules.subsidy_tier_rule(today), "subsidy_source": shown_source(rules.SUBSIDY_TIER_SOURCE),
        "enrolment": enrolment, "place": place_names([enrolment.region_code]).get(enrolment.region_code, "")
        if enrolment else "",
        "can_handle": has_permission(request.user, PENSIONS_HANDLE), "tab": "ledger"})


@staff_view(PENSIONS_HANDLE)
def arrears(request, pk):
    """办理补缴 for a person within 15 years of 60 when the scheme started in their county."""
    person = _person(request, pk)
    today = timezone.localdate()
    form = ArrearsForm(request.POST or None, initial={"paid_on": today})

    def page(form):
        enrolment = services.standing_enrolment(person)
        return render(request, "pensions/contributions/arrears.html", {
            "person": person, "form": form, "enrolment": enrolment,
            "start": services.county_start(enrolment) if enrolment else None,
            "paid": sorted(account.paid_year_set(person, today)),
            "arrears_source": shown_source(rules.ARREARS_SUBSIDY_SOURCE), "tab": "ledger"})

    if request.method != "POST":
        return page(form)
    return submit(request, form, lambda data: services.record_arrears(
        actor=request.user, person=person, years=data["years"], amount_per_year=data["amount_per_year"],
        paid_on=data["paid_on"], today=today),
        success=lambda _: f"已为{person.name}办理{len(form.cleaned_data['years'])}个年度的补缴。",
        done=lambda _: redirect("pensions:contributions-account", pk=person.pk), redisplay=page)


urlpatterns = [
    path("contributions/imports/", imports, name="contributions-imports"),
    path("contributions/imports/new/", import_new, name="contributions-import-new"),
    path("contributions/imports/<int:pk>/", import_detail, name="contributions-import"),
    path("contributions/imports/<int:pk>/unmatched.xlsx", import_unmatched, name="contributions-import-unmatched"),
    path("contributions/unmatched/", unmatched, name="contributions-unmatched"),
    path("contributions/unmatched/<int:pk>/resolve/", unmatched_resolve, name="contributions-unmatched-resolve"),
    path("contributions/ledger/", ledger, name="contributions-ledger"),
    path("contributions/ledger/export/", ledger_export, name="contributions-ledger-export"),
    path("contributions/people/<int:pk>/account/", person_account, name="contributions-account"),
    path("contributions/people/<int:pk>/arrears/", arrears, name="contributions-arrears"),
]
