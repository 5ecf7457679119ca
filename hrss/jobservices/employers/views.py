"""Pages of the employers part: 用人单位台账 and 岗位空缺台账 (lists, details, forms, .xlsx), the vacancy list import
and the occupation picker. They fetch through core.scoping (out of scope is 404) and write through the services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import classifications, pages, ratelimit, scoping
from hrss.core.forms import CODE_IN_TEXT
from hrss.core.permissions import has_permission, staff_view
from hrss.core.spreadsheets import SpreadsheetRefused, uploaded_file, xlsx_response
from hrss.core.tabular import errors_xlsx
from hrss.jobservices.employers import exports, imports, selectors, services
from hrss.jobservices.employers.forms import EmployerForm, PlaceFilterForm, VacancyForm, VacancyImportForm
from hrss.jobservices.models import Employer, Vacancy, VacancyStatus
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW

IMPORT_ERRORS_KEY = "jobservices_vacancy_import_errors"


def _apply_errors(form, error):
    """A service's refusal shown on its form: by field where the field is on the form, else on top."""
    fields = {"region_code": "region", "occupation_code": "occupation"}
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            name = fields.get(field, field)
            for problem in problems:
                form.add_error(name if name in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


def _region(request):
    """The region a ledger is about: ?region= as the picker sends it ("下城社区（上城街道） 441602001003") or as a
    bare code, inside the user's scope (404 outside it); the user's own region without it."""
    found = CODE_IN_TEXT.search(request.GET.get("region", ""))
    if found:
        return scoping.get_region_or_404(request.user, found.group(1))
    return scoping.region_from_request(request)


@staff_view(JOBSERVICES_VIEW)
def employer_list(request):
    region = _region(request)
    query = request.GET.get("q", "")[:50]
    employers = selectors.employers(request.user, region=region, query=query)
    page = Paginator(employers, 50).get_page(request.GET.get("page"))
    places = selectors.place_names(employer.region_code for employer in page)
    for employer in page:
        employer.place = places.get(employer.region_code, employer.region_code)
    return render(request, "jobservices/employers/list.html", {
        "page": page, "q": query, "region": region, "filters": PlaceFilterForm(actor=request.user, region=region),
        "can_handle": has_permission(request.user, JOBSERVICES_HANDLE)})


@staff_view(JOBSERVICES_HANDLE)
def employer_new(request):
    form = EmployerForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            employer, _warnings = services.register_employer(actor=request.user, **form.values())
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"已登记用人单位“{employer.name}”。")
            # The warnings stay on the employer's page (employer_detail shows them): not repeated as messages.
            return redirect("jobservices:employers-detail", pk=employer.pk)
    return render(request, "jobservices/employers/form.html", {"form": form, "title": "登记用人单位"})


def _employer(request, pk):
    return scoping.get_visible_or_404(Employer, request.user, pk=pk)


@staff_view(JOBSERVICES_VIEW)
def employer_detail(request, pk):
    employer = _employer(request, pk)
    vacancies = list(scoping.visible_to(request.user, employer.vacancies.all()).order_by("status", "-opens_on", "-pk"))
    for vacancy in vacancies:
        vacancy.occupation_label = classifications.occupation_label(vacancy.occupation_code)
    return render(request, "jobservices/employers/detail.html", {
        "employer": employer, "vacancies": vacancies,
        "place": selectors.place_names([employer.region_code]).get(employer.region_code, ""),
        "industry": classifications.industry_label(employer.industry_code) if employer.industry_code else "",
        "warnings": services.uscc_area_warnings(employer.uscc, employer.region_code),
        "can_handle": has_permission(request.user, JOBSERVICES_HANDLE)})


@staff_view(JOBSERVICES_HANDLE)
def employer_edit(request, pk):
    employer = _employer(request, pk)
    initial = {field: getattr(employer, field) for field in services.EMPLOYER_FIELDS}
    initial["region"] = employer.region_code
    form = EmployerForm(request.POST or None, initial=initial, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            employer, _warnings = services.update_employer(actor=request.user, employer=employer, **form.values())
        except ValidationError as error:
            _apply_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error) or "不在您的管辖范围内。")
        else:
            messages.success(request, "已保存。")
            # The warnings stay on the employer's page (employer_detail shows them): not repeated as messages.
            return redirect("jobservices:employers-detail", pk=employer.pk)
    return render(request, "jobservices/employers/form.html", {"form": form, "title": f"修改用人单位：{employer.name}",
                                                              "employer": employer})


@staff_view(JOBSERVICES_VIEW)
def vacancy_list(request):
    region = _region(request)
    filters = PlaceFilterForm(initial={"status": request.GET.get("status", "")}, actor=request.user, region=region)
    status = request.GET.get("status", "") if request.GET.get("status", "") in VacancyStatus.values else ""
    occupation = request.GET.get("occupation", "")[:10]
    vacancies = selectors.vacancies(request.user, region=region, status=status, occupation=occupation)
    page = Paginator(vacancies, 50).get_page(request.GET.get("page"))
    places = selectors.place_names(vacancy.region_code for vacancy in page)
    for vacancy in page:
        vacancy.place = places.get(vacancy.region_code, vacancy.region_code)
        vacancy.occupation_label = classifications.occupation_label(vacancy.occupation_code)
    return render(request, "jobservices/employers/vacancies.html", {"page": page, "filters": filters, "region": region})


def _vacancy(request, pk):
    return scoping.get_visible_or_404(Vacancy.objects.select_related("employer"), request.user, pk=pk)


@staff_view(JOBSERVICES_VIEW)
def vacancy_detail(request, pk):
    vacancy = _vacancy(request, pk)
    return render(request, "jobservices/employers/vacancy_detail.html", {
        "vacancy": vacancy, "employer": vacancy.employer,
        "occupation_path": classifications.occupation_path(vacancy.occupation_code),
        "industry": classifications.industry_label(vacancy.industry_code) if vacancy.industry_code else "",
        "place": selectors.place_names([vacancy.region_code]).get(vacancy.region_code, ""),
        "can_handle": has_permission(request.user, JOBSERVICES_HANDLE)})


def _vacancy_form_page(request, form, *, title, employer, vacancy=None):
    form.fields["occupation"].widget.attrs["hx-get"] = reverse("jobservices:employers-occupations")
    return render(request, "jobservices/employers/vacancy_form.html", {
        "form": form, "title": title, "employer": employer, "vacancy": vacancy})


@staff_view(JOBSERVICES_HANDLE)
def vacancy_new(request, employer_pk):
    employer = _employer(request, employer_pk)
    form = VacancyForm(request.POST or None, actor=request.user, employer=employer,
                       initial={"opens_on": timezone.localdate(), "headcount": 1})
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.add_vacancy(actor=request.user, employer=employer, **form.values())
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"已登记岗位“{vacancy.title}”。")
            return redirect("jobservices:employers-vacancy-detail", pk=vacancy.pk)
    return _vacancy_form_page(request, form, title=f"登记岗位空缺：{employer.name}", employer=employer)


@staff_view(JOBSERVICES_HANDLE)
def vacancy_edit(request, pk):
    vacancy = _vacancy(request, pk)
    initial = {field: getattr(vacancy, field) for field in services.VACANCY_FIELDS}
    initial["occupation"] = classifications.occupation_label(vacancy.occupation_code)
    initial["region"] = vacancy.region_code
    if vacancy.sex_reason:
        initial["sex_reason"] = next((code for _date, table in services.SEX_REASONS for reasons in table.values()
                                      for code, label in reasons
                                      if services.nfkc(label) == services.nfkc(vacancy.sex_reason)),
                                     services.OTHER_REASON)
        if initial["sex_reason"] == services.OTHER_REASON:
            initial["sex_reason_other"] = vacancy.sex_reason.removeprefix(services.OTHER_REASON_LABEL + "：")
    form = VacancyForm(request.POST or None, initial=initial, actor=request.user, employer=vacancy.employer)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_vacancy(actor=request.user, vacancy=vacancy, **form.values())
        except ValidationError as error:
            _apply_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error) or "不在您的管辖范围内。")
        else:
            messages.success(request, "已保存。")
            return redirect("jobservices:employers-vacancy-detail", pk=vacancy.pk)
    return _vacancy_form_page(request, form, title=f"修改岗位：{vacancy.title}", employer=vacancy.employer,
                              vacancy=vacancy)


@require_POST
@staff_view(JOBSERVICES_HANDLE)
def vacancy_close(request, pk):
    vacancy = _vacancy(request, pk)
    try:
        services.close_vacancy(actor=request.user, vacancy=vacancy)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"岗位“{vacancy.title}”已关闭，不再推荐。")
    return redirect("jobservices:employers-vacancy-detail", pk=vacancy.pk)


@staff_view(JOBSERVICES_VIEW)
def occupations(request):
    """The picker's options (htmx fills the datalist; a plain GET lists them as a page fragment)."""
    query = (request.GET.get("occupation") or request.GET.get("q") or "")[:30]
    return render(request, "jobservices/employers/_occupation_options.html",
                  {"choices": classifications.occupation_choices_for(query)})


LEDGERS = {"employers": "用人单位台账", "vacancies": "岗位空缺台账"}
LEDGER_ACTIONS = {"employers": "jobservices.employers_ledger.exported",
                  "vacancies": "jobservices.vacancies_ledger.exported"}


@staff_view(JOBSERVICES_VIEW)
@ratelimit.per_user("export")
def ledger_export(request, kind):
    region = _region(request)
    header, rows = exports.ledger_rows(request.user, region, kind)
    return pages.xlsx_download(request, [(LEDGERS[kind], header, rows)],
                               f"{LEDGERS[kind]}-{region.name}-{timezone.localdate():%Y%m%d}.xlsx",
                               action=LEDGER_ACTIONS[kind], target=region, after={"rows": len(rows)})


@staff_view(JOBSERVICES_VIEW)
def vacancy_template(request):
    return xlsx_response(imports.template(), "岗位空缺表模板.xlsx")


@staff_view(JOBSERVICES_HANDLE)
def vacancy_import(request, employer_pk):
    employer = _employer(request, employer_pk)
    form = VacancyImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            with uploaded_file(form.cleaned_data["file"]) as stored:
                result = services.import_vacancies(actor=request.user, employer=employer, path=stored)
        except SpreadsheetRefused as error:  # core.tabular.ImportRefused included
            form.add_error("file", str(error))
        else:
            request.session[IMPORT_ERRORS_KEY] = [error.as_dict() for error in result.rejected]
            if result.created:
                messages.success(request, f"已导入 {len(result.created)} 个岗位。")
            if result.rejected:
                rows = len({error.row for error in result.rejected})
                messages.warning(request, f"{rows} 行未导入，原因见下表，可下载未导入行的清单修改后重新上传。")
    return render(request, "jobservices/employers/import.html", {"form": form, "employer": employer,
                                                                "result": result})


@staff_view(JOBSERVICES_HANDLE)
def vacancy_import_errors(request):
    """The rejected rows of the user's last import (kept in their session) as .xlsx."""
    return xlsx_response(errors_xlsx(request.session.get(IMPORT_ERRORS_KEY, [])), "岗位空缺表未导入的行.xlsx")


urlpatterns = [
    path("employers/", employer_list, name="employers-list"),
    path("employers/new/", employer_new, name="employers-new"),
    path("employers/<int:pk>/", employer_detail, name="employers-detail"),
    path("employers/<int:pk>/edit/", employer_edit, name="employers-edit"),
    path("employers/<int:employer_pk>/vacancies/new/", vacancy_new, name="employers-vacancy-new"),
    path("employers/<int:employer_pk>/vacancies/import/", vacancy_import, name="employers-vacancy-import"),
    path("employers/export.xlsx", ledger_export, {"kind": "employers"}, name="employers-export"),
    path("vacancies/", vacancy_list, name="employers-vacancies"),
    path("vacancies/<int:pk>/", vacancy_detail, name="employers-vacancy-detail"),
    path("vacancies/<int:pk>/edit/", vacancy_edit, name="employers-vacancy-edit"),
    path("vacancies/<int:pk>/close/", vacancy_close, name="employers-vacancy-close"),
    path("vacancies/export.xlsx", ledger_export, {"kind": "vacancies"}, name="employers-vacancies-export"),
    path("vacancies/template.xlsx", vacancy_template, name="employers-vacancy-template"),
    path("vacancies/import-errors.xlsx", vacancy_import_errors, name="employers-vacancy-import-errors"),
    path("occupations/", occupations, name="employers-occupations"),
]
