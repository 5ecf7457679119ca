"""The funding part's pages under /network/funds/ (url names prefixed "funding-"): a region's funding (the city: its
counties; a county or below: each office's money by source, the match ratio), an office's lines, the implementation
plans and their filing, and the forms that record them; each list also as an audited .xlsx (?format=xlsx). Views
only translate: writes are services.py's, reads selectors.py's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.core import scoping
from hrss.core.forms import submit
from hrss.core.models import Level
from hrss.core.pages import xlsx_download
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.core.text import money
from hrss.network.funding import selectors, services
from hrss.network.funding.forms import AllocationForm, DisbursementForm, PlanForm, ReturnForm
from hrss.network.models import FundSource, ImplementationPlan, PlanState
from hrss.network.permissions import FUNDS, NETWORK_VIEW


def _percent(ratio):
    return f"{ratio:.1%}" if ratio is not None else "—"


def _with_match(rows, today):
    """Each row's match of the county against the province (its text, and whether it falls short)."""
    for row in rows:
        ratio, _required, row["under"] = row["funds"].match(today)
        row["match_text"] = _percent(ratio)
    return rows


def _wants_xlsx(request):
    return request.GET.get("format") == "xlsx"


def _roles(user):
    return set(user.role_list)


def _can_record(user):
    """(may record the city's sources, may record the county's match and disbursements)."""
    if not has_permission(user, FUNDS):
        return False, False
    roles = _roles(user)
    return bool(roles & services.CITY_ROLES), bool(roles & (services.COUNTY_ROLES | services.CITY_ROLES))


@staff_view(NETWORK_VIEW)
def region(request):
    """建设资金 of ?region=CODE (the user's own by default): the city's counties, or the offices of a county,
    township or village, with the region's totals and the county's match against the dated minimum."""
    place = scoping.region_from_request(request)
    today = timezone.localdate()
    if _wants_xlsx(request):
        _total, sheets = selectors.region_sheets(request.user, place, today)
        return xlsx_download(request, sheets, f"建设资金-{place.name}-{today:%Y%m%d}.xlsx",
                             action="network.funds.exported", target=place, after={"page": "region"})
    counties = place.level < Level.COUNTY
    rows = _with_match(selectors.county_rows(request.user, place) if counties
                       else selectors.office_rows(request.user, place), today)
    total = selectors.total_of(row["funds"] for row in rows)
    ratio, required, under = total.match(today)
    city_records, county_records = _can_record(request.user)
    return render(request, "network/funding/region.html", {
        "region": place, "today": today, "rows": rows, "counties": counties, "total": total,
        "ratio": _percent(ratio), "required": _percent(required), "under": under, "sources": selectors.SOURCES,
        "crumbs": scoping.breadcrumb(request.user, place), "can_allocate": city_records or county_records,
        "can_disburse": county_records,
        "plan": selectors.latest_plan(request.user, place) if place.level == Level.COUNTY else None,
        "plan_state": selectors.plan_state_label(selectors.latest_plan(request.user, place))
        if place.level == Level.COUNTY else ""})


def _office_region(request, code):
    place = scoping.get_region_or_404(request.user, code)
    if place.level not in services.OFFICE_LEVELS:
        raise Http404
    return place


@staff_view(NETWORK_VIEW)
def office(request, code):
    """An office's funding lines: each allocation and disbursement, and the balance by source."""
    place = _office_region(request, code)
    today = timezone.localdate()
    allocations, disbursements = selectors.lines_of(request.user, code)
    name = place_names([code]).get(code, place.name)
    if _wants_xlsx(request):
        return xlsx_download(request, selectors.lines_sheets(name, allocations, disbursements, today),
                             f"建设资金明细-{place.name}-{today:%Y%m%d}.xlsx", action="network.funds.exported",
                             target=place, after={"page": "office", "rows": len(allocations) + len(disbursements)})
    funds = selectors.funds_by_office(request.user, place).get(code) or selectors.Funds()
    ratio, required, under = funds.match(today)
    city_records, county_records = _can_record(request.user)
    return render(request, "network/funding/office.html", {
        "region": place, "name": name, "today": today, "allocations": allocations, "disbursements": disbursements,
        "funds": funds, "ratio": _percent(ratio), "required": _percent(required), "under": under,
        "crumbs": scoping.breadcrumb(request.user, place), "can_allocate": city_records or county_records,
        "can_disburse": county_records})


@staff_view(NETWORK_VIEW)
def plans(request):
    """实施方案 of the counties of ?region=CODE: each plan with its filing state; a county's staff send one."""
    place = scoping.region_from_request(request)
    today = timezone.localdate()
    shown = list(selectors.plans_in(request.user, place)[:200])
    if _wants_xlsx(request):
        return xlsx_download(request, selectors.plans_sheets(shown, place, today),
                             f"实施方案备案-{place.name}-{today:%Y%m%d}.xlsx", action="network.funds.exported",
                             target=place, after={"page": "plans", "rows": len(shown)})
    names = dict(place_names({plan.region_code for plan in shown}))
    return render(request, "network/funding/plans.html", {
        "region": place, "today": today, "plans": shown, "names": names,
        "crumbs": scoping.breadcrumb(request.user, place),
        "can_submit": place.level == Level.COUNTY and has_permission(request.user, FUNDS)
        and bool(_roles(request.user) & services.COUNTY_ROLES)})


def _plan_page(request, plan, return_form=None):
    can_decide = (has_permission(request.user, FUNDS) and bool(_roles(request.user) & services.CITY_ROLES)
                  and plan.state == PlanState.SUBMITTED)
    return render(request, "network/funding/plan.html", {
        "plan": plan, "county": place_names([plan.region_code]).get(plan.region_code, plan.region_code),
        "can_decide": can_decide, "return_form": return_form or ReturnForm(),
        "has_attachment": bool(plan.attachment_name)})


@staff_view(NETWORK_VIEW)
def plan(request, pk):
    return _plan_page(request, scoping.get_visible_or_404(ImplementationPlan, request.user, pk=pk))


@staff_view(NETWORK_VIEW)
def plan_attachment(request, pk):
    """The plan's PDF, to the users whose scope holds its county only."""
    found = scoping.get_visible_or_404(ImplementationPlan, request.user, pk=pk)
    if not found.attachment_name:
        raise Http404
    response = HttpResponse(bytes(found.attachment), content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quoted(found.attachment_name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def _quoted(name):
    from urllib.parse import quote

    return quote(name if name.lower().endswith(".pdf") else f"{name}.pdf")


@require_POST
@staff_view(NETWORK_VIEW)
def plan_file(request, pk):
    found = scoping.get_visible_or_404(ImplementationPlan, request.user, pk=pk)
    try:
        services.file_plan(actor=request.user, plan=found)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"已备案：{found.title}（{found.document_number}）。")
    return redirect("network:funding-plan", pk=found.pk)


@require_POST
@staff_view(NETWORK_VIEW)
def plan_return(request, pk):
    found = scoping.get_visible_or_404(ImplementationPlan, request.user, pk=pk)
    form = ReturnForm(request.POST)
    return submit(request, form, lambda data: services.return_plan(actor=request.user, plan=found,
                                                                   reason=data["reason"]),
                  success=lambda done: f"已退回：{done.title}（{done.document_number}）。",
                  done=lambda done: redirect("network:funding-plan", pk=done.pk),
                  redisplay=lambda form: _plan_page(request, found, form))


def _form_page(request, form, *, title, testid, multipart=False, back=""):
    return render(request, "network/funding/form.html", {"form": form, "title": title, "testid": testid,
                                                         "multipart": multipart, "back": back})


def _office_page(line):
    return redirect("network:funding-office", code=line.region_code)


@staff_view(FUNDS)
def allocation_new(request):
    """登记资金下达 (?region=CODE fills in the office): the city the province's subsidy and its reward, the county
    its match."""
    city_records = bool(_roles(request.user) & services.CITY_ROLES)
    sources = {FundSource.PROVINCE, FundSource.CITY} if city_records else {FundSource.COUNTY}
    initial = {"allocated_on": timezone.localdate()}
    if request.method == "GET" and request.GET.get("region"):
        initial["region"] = scoping.region_from_request(request)
    form = AllocationForm(request.POST or None, user=request.user, sources=sources, initial=initial)
    if request.method != "POST":
        return _form_page(request, form, title="登记资金下达", testid="funding-allocation-form")
    return submit(request, form, lambda data: services.record_allocation(
        actor=request.user, region=data["region"], source=data["source"], amount=data["amount"],
        document_number=data["document_number"], allocated_on=data["allocated_on"], note=data["note"]),
        success=lambda line: f"已登记{line.get_source_display()}下达：{money(line.amount)}元（{line.document_number}）。",
        done=_office_page, redisplay=lambda form: _form_page(request, form, title="登记资金下达",
                                                            testid="funding-allocation-form"))


@staff_view(FUNDS)
def disbursement_new(request):
    """登记资金拨付 (?region=CODE fills in the office)."""
    initial = {"disbursed_on": timezone.localdate()}
    if request.method == "GET" and request.GET.get("region"):
        initial["region"] = scoping.region_from_request(request)
    form = DisbursementForm(request.POST or None, user=request.user, initial=initial)
    if request.method != "POST":
        return _form_page(request, form, title="登记资金拨付", testid="funding-disbursement-form")
    return submit(request, form, lambda data: services.record_disbursement(
        actor=request.user, region=data["region"], source=data["source"], purpose=data["purpose"],
        amount=data["amount"], document_number=data["document_number"], disbursed_on=data["disbursed_on"],
        note=data["note"]),
        success=lambda line: f"已登记{line.get_source_display()}拨付：{money(line.amount)}元（{line.document_number}）。",
        done=_office_page, redisplay=lambda form: _form_page(request, form, title="登记资金拨付",
                                                            testid="funding-disbursement-form"))


@staff_view(FUNDS)
def plan_new(request):
    """报送实施方案 of the user's county (or ?region=CODE, a county of the scope)."""
    county = scoping.region_from_request(request)
    form = PlanForm(request.POST or None, request.FILES or None, initial={"issued_on": timezone.localdate()})
    page = {"title": f"报送实施方案（{county.name}）", "testid": "funding-plan-form", "multipart": True,
            "back": reverse("network:funding-plans") + f"?region={county.code}"}
    if request.method != "POST":
        return _form_page(request, form, **page)

    def act(data):
        upload = data["attachment"]
        return services.submit_plan(actor=request.user, county=county, title=data["title"],
                                    document_number=data["document_number"], issued_on=data["issued_on"],
                                    text=data["text"], attachment=upload.read() if upload else b"",
                                    attachment_name=upload.name if upload else "")

    return submit(request, form, act, success=lambda done: f"已报送实施方案：{done.title}（{done.document_number}）。",
                  done=lambda done: redirect("network:funding-plan", pk=done.pk),
                  redisplay=lambda form: _form_page(request, form, **page))


urlpatterns = [
    path("funds/", region, name="funding-region"),
    path("funds/offices/<str:code>/", office, name="funding-office"),
    path("funds/allocations/new/", allocation_new, name="funding-allocation-new"),
    path("funds/disbursements/new/", disbursement_new, name="funding-disbursement-new"),
    path("funds/plans/", plans, name="funding-plans"),
    path("funds/plans/new/", plan_new, name="funding-plan-new"),
    path("funds/plans/<int:pk>/", plan, name="funding-plan"),
    path("funds/plans/<int:pk>/attachment/", plan_attachment, name="funding-plan-attachment"),
    path("funds/plans/<int:pk>/file/", plan_file, name="funding-plan-file"),
    path("funds/plans/<int:pk>/return/", plan_return, name="funding-plan-return"),
]
