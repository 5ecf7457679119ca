"""The enrolment part's pages under /pensions/ (url names prefixed with "enrolment-"): the 参保台账 of a region and its
.xlsx, the intake (the person found by ID number in scope, the checklist, the tier), an enrolment with its
documents, tier, termination and transfer out, and KPI 2 (当天办结率) per region and month with drill-down. Views
only translate: writes are services.py's, reads selectors.py's, through core.scoping."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import ratelimit, scoping
from hrss.core.forms import submit
from hrss.core.id_numbers import InvalidIdNumber, check_character, normalise
from hrss.core.models import Level
from hrss.core.pages import ledger_download, query_without_page
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.pensions.enrolment import selectors, services
from hrss.pensions.enrolment.forms import (
    DocumentsForm,
    FindForm,
    IntakeForm,
    TerminateForm,
    TierForm,
    TransferForm,
)
from hrss.pensions.models import Enrolment, EnrolmentState, Scheme
from hrss.pensions.pages import person_by_id_number
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.models import Person
from hrss.residents.permissions import RESIDENT_VIEW

LEDGER_TITLE = "参保台账"


def _filters(request):
    state = request.GET.get("state", "")
    scheme = request.GET.get("scheme", "")
    return {"state": state if state in selectors.STATES else "", "scheme": scheme if scheme in selectors.SCHEMES else "",
            "q": request.GET.get("q", "").strip()[:30]}


def _missing_names(today):
    return lambda enrolment: [name for _code, name in services.missing_documents(enrolment.documents, today)]


@staff_view(PENSIONS_VIEW)
def ledger(request):
    """参保台账: the enrolments of a region (the user's own by default), with filters, pages and the .xlsx."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _filters(request)
    page = Paginator(selectors.enrolments_visible(request.user, region, **filters), 50).get_page(request.GET.get("page"))
    missing = _missing_names(today)
    places = place_names((e.region_code for e in page), below=region)
    return render(request, "pensions/enrolment/ledger.html", {
        "region": region, "today": today, "page": page, "filters": filters, "query": query_without_page(request),
        "rows": [(enrolment, places.get(enrolment.region_code, ""),
                  missing(enrolment) if enrolment.state == EnrolmentState.PENDING else []) for enrolment in page],
        "states": EnrolmentState.choices, "schemes": Scheme.choices,
        "crumbs": scoping.breadcrumb(request.user, region), "tab": "ledger",
        "can_handle": has_permission(request.user, PENSIONS_HANDLE)})


@staff_view(PENSIONS_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    enrolments = list(selectors.enrolments_visible(request.user, region, **_filters(request)))
    places = place_names((e.region_code for e in enrolments), below=region)
    rows = selectors.ledger_rows(enrolments, places, _missing_names(today))
    return ledger_download(request, LEDGER_TITLE, region, today, selectors.LEDGER_HEADER, rows,
                           action="pensions.enrolment_ledger.exported")


NOT_A_NUMBER = "请输入18位公民身份号码或姓名"


def _typed_kind(raw):
    """("name", text), ("number", text) or ("problem", message in Chinese) for what was typed in the search box."""
    try:
        text = normalise(raw)
    except InvalidIdNumber as error:
        return "problem", str(error)
    if not any(ch.isdigit() for ch in text):
        return "name", text
    if len(text) == 15 and text.isascii() and text.isdigit():
        return "number", text
    if len(text) != 18 or not text.isascii() or not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        return "problem", NOT_A_NUMBER
    if check_character(text[:17]) != text[17]:
        return "problem", "公民身份号码校验位不对，请核对"
    return "number", text


@staff_view(PENSIONS_HANDLE)
def find(request):
    """参保登记: find the person of the ledger by ID number, or by name (to pick), within the user's scope."""
    form = FindForm(request.GET or None)
    not_found, named = "", None
    if request.GET and form.is_valid():
        kind, text = _typed_kind(form.cleaned_data["id_number"])
        if kind == "problem":
            form.add_error("id_number", text)
        elif kind == "name":
            named = selectors.people_named(request.user, text)
            if not named:
                not_found = f"本辖区人员台账中没有姓名含“{text}”的人员：请核对姓名，或先在人员台账中登记该人员。"
        else:
            try:
                person = person_by_id_number(request.user, text)
            except InvalidIdNumber as error:
                form.add_error("id_number", str(error))
            else:
                if person is not None:
                    return redirect("pensions:enrolment-new", person_pk=person.pk)
                not_found = "本辖区人员台账中没有这个公民身份号码的人员：请核对号码，或先在人员台账中登记该人员。"
    return render(request, "pensions/enrolment/find.html", {"form": form, "not_found": not_found,
                                                            "named": named, "tab": "new"})


@staff_view(PENSIONS_HANDLE)
def new(request, person_pk):
    """The intake form of one person: the refusals shown before anything is typed, the checklist, the tier."""
    person = scoping.get_visible_or_404(Person, request.user, pk=person_pk)
    today = timezone.localdate()
    form = IntakeForm(request.POST or None, region_code=person.region_code, day=today,
                      initial={"received_on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            enrolment = services.enrol(actor=request.user, person=person, tier=data["tier"],
                                       documents=data["documents"], today=today, note=data["note"],
                                       received_on=data["received_on"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if enrolment.state == EnrolmentState.ACTIVE:
                messages.success(request, f"已为{person.name}办结参保登记（{enrolment.get_scheme_display()}，"
                                          f"{enrolment.tier.normalize():f}元/年），参保日期{today:%Y-%m-%d}。")
            else:
                missing = "、".join(name for _c, name in services.missing_documents(enrolment.documents, today))
                messages.warning(request, f"已受理{person.name}的参保登记，材料不全，请一次性告知补交：{missing}。"
                                          "材料补齐当天即可办结。")
            return redirect("pensions:enrolment-detail", pk=enrolment.pk)
    county = scoping.county_code_of(person.region_code)
    scheme = services.rules.scheme_on(county, today, urban=services.is_urban(person))
    return render(request, "pensions/enrolment/new.html", {
        "person": person, "form": form, "today": today, "scheme": scheme, "tab": "new",
        "blockers": services.eligibility_problems(person=person, day=today),
        "standing": selectors.standing_enrolment(person),
        "age": person.age_on(today), "can_see_person": has_permission(request.user, RESIDENT_VIEW)})


def _enrolment(request, pk):
    return scoping.get_visible_or_404(Enrolment.objects.select_related("person", "created_by"), request.user, pk=pk)


@staff_view(PENSIONS_VIEW)
def detail(request, pk, forms=None):
    enrolment = _enrolment(request, pk)
    today = timezone.localdate()
    forms = forms or {}
    missing = services.missing_documents(enrolment.documents, today)
    handles = has_permission(request.user, PENSIONS_HANDLE)
    state = enrolment.state
    return render(request, "pensions/enrolment/detail.html", {
        "enrolment": enrolment, "person": enrolment.person, "today": today, "tab": "ledger",
        "documents": services.document_names(enrolment.documents, today), "missing": [n for _c, n in missing],
        "same_day": enrolment.enrolled_on is not None and enrolment.enrolled_on == enrolment.documents_complete_on,
        "employee_scheme": (services.employee_scheme_on(enrolment.person, today)
                            if state == EnrolmentState.PENDING else None),
        "can_complete": handles and state == EnrolmentState.PENDING,
        "can_change_tier": handles and state in (EnrolmentState.PENDING, EnrolmentState.ACTIVE),
        "can_terminate": handles and state in (EnrolmentState.PENDING, EnrolmentState.ACTIVE),
        "can_transfer": handles and state == EnrolmentState.ACTIVE,
        "documents_form": forms.get("documents") or DocumentsForm(missing=missing, initial={"received_on": today}),
        "tier_form": forms.get("tier") or TierForm(region_code=enrolment.region_code, day=today),
        "terminate_form": forms.get("terminate") or TerminateForm(initial={"on": today}),
        "transfer_form": forms.get("transfer") or TransferForm(initial={"on": today}),
        "can_see_person": has_permission(request.user, RESIDENT_VIEW)})


def _submit(request, pk, form, key, act, success):
    return submit(request, form, act, success=success, done=lambda _: redirect("pensions:enrolment-detail", pk=pk),
                  redisplay=lambda form: detail(request, pk, forms={key: form}))


def _completed(enrolment):
    if enrolment.state == EnrolmentState.ACTIVE:
        return f"材料已齐全，参保登记已办结，参保日期{enrolment.enrolled_on:%Y-%m-%d}。"
    missing = "、".join(name for _c, name in services.missing_documents(enrolment.documents, timezone.localdate()))
    return f"已记录补交的材料，仍缺少：{missing}。"


@require_POST
@staff_view(PENSIONS_HANDLE)
def documents(request, pk):
    enrolment = _enrolment(request, pk)
    form = DocumentsForm(request.POST, missing=services.missing_documents(enrolment.documents, timezone.localdate()))
    return _submit(request, pk, form, "documents", lambda data: services.complete_documents(
        actor=request.user, enrolment=enrolment, documents=data["documents"], received_on=data["received_on"]),
        _completed)


@require_POST
@staff_view(PENSIONS_HANDLE)
def tier(request, pk):
    enrolment = _enrolment(request, pk)
    form = TierForm(request.POST, region_code=enrolment.region_code, day=timezone.localdate())
    return _submit(request, pk, form, "tier", lambda data: services.change_tier(
        actor=request.user, enrolment=enrolment, tier=data["tier"]),
        lambda e: f"缴费档次已变更为{e.tier.normalize():f}元/年。")


@require_POST
@staff_view(PENSIONS_HANDLE)
def terminate(request, pk):
    enrolment = _enrolment(request, pk)
    return _submit(request, pk, TerminateForm(request.POST), "terminate", lambda data: services.terminate(
        actor=request.user, enrolment=enrolment, reason=data["reason"], on=data["on"], note=data["note"]),
        "已终止参保登记。")


@require_POST
@staff_view(PENSIONS_HANDLE)
def transfer(request, pk):
    enrolment = _enrolment(request, pk)
    return _submit(request, pk, TransferForm(request.POST), "transfer", lambda data: services.transfer_out(
        actor=request.user, enrolment=enrolment, on=data["on"], destination_note=data["destination_note"]),
        "已办理转出，参保关系转往迁入地。")


def _month(request, today):
    """(year, month) of ?month=YYYY-MM (this month by default; 2009-09 to this month), and a refusal message."""
    value = request.GET.get("month", "")
    if not value:
        return (today.year, today.month), ""
    try:
        year, month = (int(part) for part in value.split("-"))
        day = datetime.date(year, month, 1)
    except ValueError:
        return (today.year, today.month), f"月份“{value[:10]}”格式不对，请按 年-月（如 2026-05）选择；下面是本月。"
    if not datetime.date(2009, 9, 1) <= day <= today:
        return (today.year, today.month), "只能查看2009年9月至本月的办结情况；下面是本月。"
    return (year, month), ""


@staff_view(PENSIONS_VIEW)
def kpi(request):
    """当天办结率 (KPI 2): per region and month, the enrolments whose documents became complete and how many were
    enrolled that same day; a region's name opens its children, a village lists its enrolments (late ones first)."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    (year, month), refused = _month(request, today)
    rows = selectors.kpi_rows(request.user, region, year, month)
    total, children = rows[0], rows[1:]
    listed = selectors.complete_in_month(request.user, region, year, month).order_by("documents_complete_on", "pk")
    late = [e for e in listed if e.enrolled_on != e.documents_complete_on]
    shown = late if scoping.level_of_code(region.code) != Level.VILLAGE else \
        sorted(listed, key=lambda e: (e.enrolled_on == e.documents_complete_on, e.documents_complete_on, e.pk))
    places = place_names((e.region_code for e in shown[:200]), below=region)
    return render(request, "pensions/enrolment/kpi.html", {
        "region": region, "month": f"{year}-{month:02d}", "month_label": f"{year}年{month}月", "refused": refused,
        "total": (total[1], total[2], selectors.rate(total[1], total[2])),
        "children": [(child, complete, same, selectors.rate(complete, same)) for child, complete, same in children],
        "shown": [(e, places.get(e.region_code, ""), e.enrolled_on == e.documents_complete_on) for e in shown[:200]],
        "late_count": len(late), "is_village": scoping.level_of_code(region.code) == Level.VILLAGE,
        "crumbs": scoping.breadcrumb(request.user, region), "tab": "kpi"})


urlpatterns = [
    path("enrolment/", ledger, name="enrolment-ledger"),
    path("enrolment/export.xlsx", ledger_export, name="enrolment-export"),
    path("enrolment/kpi/", kpi, name="enrolment-kpi"),
    path("enrolment/new/", find, name="enrolment-find"),
    path("enrolment/new/<int:person_pk>/", new, name="enrolment-new"),
    path("enrolment/<int:pk>/", detail, name="enrolment-detail"),
    path("enrolment/<int:pk>/documents/", documents, name="enrolment-documents"),
    path("enrolment/<int:pk>/tier/", tier, name="enrolment-tier"),
    path("enrolment/<int:pk>/terminate/", terminate, name="enrolment-terminate"),
    path("enrolment/<int:pk>/transfer/", transfer, name="enrolment-transfer"),
]
