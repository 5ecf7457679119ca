"""The acceptance part's pages under /network/ (url names prefixed "acceptance"): a region's inspections and a new
inspection with its checklist, an inspection's page, the rectification items (an office's, the overdue ones) and
an item's page with its forms, the acceptances (the city's queue) and an acceptance's page, the milestones, and
the monthly bulletin with its PDF and .xlsx. Views only translate: writes are services.py's, reads selectors.py's
and bulletin.py's; out of scope is 404 (core.scoping)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from hrss.core import audit, pages, scoping
from hrss.core.forms import submit
from hrss.core.models import Level
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.network.acceptance import bulletin, rules, selectors, services
from hrss.network.acceptance.forms import (
    DecisionForm,
    FixForm,
    InspectionForm,
    OfficePickForm,
    ReopenForm,
    RequestForm,
    WithdrawForm,
)
from hrss.network.models import Acceptance, AcceptanceState, Inspection, Rectification, RectificationState
from hrss.network.offices import selectors as office_selectors
from hrss.network.offices import services as office_services
from hrss.network.permissions import ACCEPT, INSPECT, NETWORK_VIEW
from hrss.network.standards import compliance


def _saying_why(act):
    """`act` with a service's refusal of the user (their role, their scope's level) shown on the form."""

    def run(data):
        try:
            return act(data)
        except PermissionDenied as error:
            if str(error):
                raise ValidationError(str(error)) from None
            raise

    return run


def _picked(request, back):
    """A region typed or picked in a page's office picker ("下城社区（上城街道） 441602001003", a name): None when
    ?region= is a plain code (the page goes on), else a redirect to the page with the code, or back to `back` with
    the picker's refusal."""
    text = request.GET.get("region", "")
    if not text or (len(text) == 12 and text.isdigit()):
        return None
    form = OfficePickForm(request.GET, user=request.user)
    if not form.is_valid():
        messages.error(request, "；".join(form.errors.get("region", ["请选择服务机构。"])))
        return redirect(back)
    query = request.GET.copy()
    query["region"] = form.cleaned_data["region"].code
    return redirect(f"{request.path}?{query.urlencode()}")


def _day(text, default):
    try:
        return datetime.date.fromisoformat(text) if text else default
    except ValueError:
        return default


# --- inspections -------------------------------------------------------------------------------------------------

@staff_view(NETWORK_VIEW)
def inspections(request):
    """A region's inspections (the user's own region by default), newest first, in pages of 50."""
    region = scoping.region_from_request(request)
    page = Paginator(selectors.inspections_visible_to(request.user, region).select_related("office"), 50).get_page(
        request.GET.get("page"))
    return render(request, "network/acceptance/inspections.html", {
        "region": region, "page": page, "places": place_names((i.region_code for i in page), below=region),
        "crumbs": scoping.breadcrumb(request.user, region), "query": pages.query_without_page(request),
        "can_inspect": has_permission(request.user, INSPECT), "pick": OfficePickForm(user=request.user)})


@staff_view(NETWORK_VIEW)
def inspection_new(request):
    """检查: the checklist of the rules in force on the day for the office of ?region= (a township or a village),
    each prefilled from the office's record, and the inspector's findings posted back."""
    today = timezone.localdate()
    if not (request.GET.get("region") or request.POST.get("region")):
        return redirect("network:acceptance-inspections")
    if request.method == "GET" and (picked := _picked(request, _url("network:acceptance-inspections"))):
        return picked
    region = scoping.region_from_request(request)
    if region.level not in (Level.TOWNSHIP, Level.VILLAGE):
        messages.error(request, "请选择一个乡镇(街道)或村(社区)的服务机构。")
        return redirect(f"{_url('network:acceptance-inspections')}?region={region.code}")
    office = office_services.office_for(actor=request.user, region=region, today=today)
    posted = request.method == "POST"
    on = _day(request.POST.get("inspected_on") if posted else request.GET.get("on"), today)
    if on > today:
        on = today
    results = compliance.check(office, on).results
    form = InspectionForm(request.POST if posted else None, results=results,
                          initial={"inspected_on": on, "due_on": None})

    def show(form):
        return render(request, "network/acceptance/inspection_new.html", {
            "region": region, "office": office, "form": form, "on": on,
            "rectification_days": rules.rectification_days(on), "crumbs": scoping.breadcrumb(request.user, region),
            "can_inspect": has_permission(request.user, INSPECT)})

    if not posted:
        return show(form)
    return submit(request, form, _saying_why(lambda data: services.record_inspection(
        actor=request.user, office=office, inspected_on=data["inspected_on"], findings=form.findings(),
        inspectors=data["inspectors"], note=data["note"], due_on=data["due_on"])),
        success=lambda inspection: (f"已登记检查，{inspection.findings.filter(result='fails').count()}项不符合，"
                                    "已列入整改。"),
        done=lambda inspection: redirect("network:acceptance-inspection", pk=inspection.pk), redisplay=show)


def _url(name, **kwargs):
    from django.urls import reverse

    return reverse(name, kwargs=kwargs or None)


@staff_view(NETWORK_VIEW)
def inspection(request, pk):
    """An inspection's page: its checklist with the findings, and the rectification items it opened."""
    inspection = scoping.get_visible_or_404(Inspection.objects.select_related("office", "created_by"), request.user,
                                            pk=pk)
    findings = list(inspection.findings.select_related("rectification").order_by("position", "id"))
    return render(request, "network/acceptance/inspection.html", {
        "inspection": inspection, "findings": findings, "today": timezone.localdate(),
        "place": place_names([inspection.region_code]).get(inspection.region_code, ""),
        "state": selectors.STATES[selectors.state_of(inspection.office)],
        "can_inspect": has_permission(request.user, INSPECT)})


# --- rectification -----------------------------------------------------------------------------------------------

@staff_view(NETWORK_VIEW)
def rectifications(request):
    """整改事项 of a region (an office's, or all of a county's), by state; ?overdue=1 those past their deadline."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    state = request.GET.get("state", "")
    overdue = request.GET.get("overdue") == "1"
    items = selectors.rectifications_visible_to(request.user, region, state=state,
                                                overdue_on=today if overdue else None)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(request, "network/acceptance/rectifications.html", {
        "region": region, "page": page, "today": today, "state": state, "overdue": overdue,
        "states": [("", "全部"), ("unfinished", "未完成"), *RectificationState.choices],
        "places": place_names((item.region_code for item in page), below=region),
        "crumbs": scoping.breadcrumb(request.user, region), "query": pages.query_without_page(request)})


def _item(request, pk):
    return scoping.get_visible_or_404(Rectification.objects.select_related("finding", "finding__inspection",
                                                                           "fixed_by", "confirmed_by", "photo"),
                                      request.user, pk=pk)


def _item_page(request, item, forms=None):
    forms = forms or {}
    today = timezone.localdate()
    scope = scoping.scope_of(request.user)
    office_side = not scope.is_empty and scope.region.level in (Level.TOWNSHIP, Level.VILLAGE)
    return render(request, "network/acceptance/rectification.html", {
        "item": item, "today": today, "place": place_names([item.region_code]).get(item.region_code, ""),
        "can_fix": office_side and item.state == RectificationState.OPEN,
        "can_check": has_permission(request.user, INSPECT) and item.state == RectificationState.FIXED,
        "rule_status": services.rule_status(item, today), "record_url": services.office_record_url(item),
        "fix_form": forms.get("fix") or FixForm(initial={"fixed_on": today}),
        "reopen_form": forms.get("reopen") or ReopenForm()})


@staff_view(NETWORK_VIEW)
def rectification(request, pk):
    return _item_page(request, _item(request, pk))


def _item_act(request, pk, key, form, act, message):
    item = _item(request, pk)

    def redisplay(form):
        item.refresh_from_db()
        messages.error(request, "未能保存，请按页面上的提示修改。")
        return _item_page(request, item, {key: form})

    return submit(request, form, _saying_why(lambda data: act(item, data)), success=message,
                  done=lambda _: redirect("network:acceptance-rectification", pk=pk), redisplay=redisplay)


@staff_view(NETWORK_VIEW)
@require_POST
def rectification_fix(request, pk):
    def fix(item, data):
        fixed = services.fix_rectification(actor=request.user, item=item, note=data["note"], upload=data["photo"],
                                           fixed_on=data["fixed_on"])
        if services.still_failing_message(fixed, timezone.localdate()):
            messages.warning(request, f"“{fixed.finding.title}”按服务机构登记的建设情况仍未达标：请同时在服务机构页面"
                                      "（维护建设情况）更新建设情况，否则县(区)无法确认整改到位，验收也不能通过。")
        return fixed

    return _item_act(request, pk, "fix", FixForm(request.POST, request.FILES), fix, "已登记整改完成，待县(区)确认。")


@staff_view(NETWORK_VIEW)
@require_POST
def rectification_confirm(request, pk):
    item = _item(request, pk)
    try:
        services.confirm_rectification(actor=request.user, item=item)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, "已确认整改。")
    return redirect("network:acceptance-rectification", pk=pk)


@staff_view(NETWORK_VIEW)
@require_POST
def rectification_reopen(request, pk):
    return _item_act(request, pk, "reopen", ReopenForm(request.POST), lambda item, data: (
        services.reopen_rectification(actor=request.user, item=item, note=data["note"], due_on=data["due_on"])),
        "已退回重改，服务机构将看到退回原因和新的期限。")


# --- acceptance -------------------------------------------------------------------------------------------------

@staff_view(NETWORK_VIEW)
def acceptances(request):
    """The acceptances of the user's scope by state (the city's queue: ?state=requested), and the county's form to
    request one for an office."""
    region = scoping.region_from_request(request)
    state = request.GET.get("state", "")
    page = Paginator(selectors.acceptances_visible_to(request.user, region, state=state), 50).get_page(
        request.GET.get("page"))
    return render(request, "network/acceptance/acceptances.html", {
        "region": region, "page": page, "state": state, "states": [("", "全部"), *AcceptanceState.choices],
        "places": place_names((a.region_code for a in page), below=region),
        "crumbs": scoping.breadcrumb(request.user, region), "query": pages.query_without_page(request),
        "can_request": has_permission(request.user, INSPECT) and scoping.scope_of(request.user).region.level
        == Level.COUNTY, "pick": OfficePickForm(user=request.user), "request_form": RequestForm()})


@staff_view(NETWORK_VIEW)
def acceptance_office(request):
    """An office's standing for acceptance (?region=): its state, the rules it fails today and its open items, and
    the county's request form."""
    if picked := _picked(request, _url("network:acceptance-list")):
        return picked
    return _office_page(request, scoping.region_from_request(request))


def _office_page(request, region, form=None):
    today = timezone.localdate()
    if region.level not in (Level.TOWNSHIP, Level.VILLAGE):  # a county's or the city's user: pick the office
        return render(request, "network/acceptance/office.html", {
            "region": region, "pick": OfficePickForm(user=request.user), "crumbs": scoping.breadcrumb(request.user,
                                                                                                       region)})
    office = office_selectors.office_of(region)
    problems = services.acceptance_problems(office=office, on=today, what="申请验收") if office else []
    history = selectors.acceptances_visible_to(request.user, region) if office else []
    return render(request, "network/acceptance/office.html", {
        "region": region, "office": office, "problems": problems, "history": history,
        "state": selectors.STATES[selectors.state_of(office)] if office else selectors.STATES[selectors.NONE],
        "crumbs": scoping.breadcrumb(request.user, region),
        "can_request": has_permission(request.user, INSPECT) and scoping.scope_of(request.user).region.level
        == Level.COUNTY, "form": form or RequestForm()})


@staff_view(NETWORK_VIEW)
@require_POST
def acceptance_request(request):
    region = scoping.region_from_request(request)
    if region.level not in (Level.TOWNSHIP, Level.VILLAGE):
        raise PermissionDenied("只能为乡镇(街道)或村(社区)的服务机构申请验收。")
    form = RequestForm(request.POST)

    def act(data):
        office = office_services.office_for(actor=request.user, region=region)
        return services.request_acceptance(actor=request.user, office=office, note=data["note"])

    return submit(request, form, _saying_why(act), success="已申请验收，待市验收。",
                  done=lambda acceptance: redirect("network:acceptance-detail", pk=acceptance.pk),
                  redisplay=lambda form: _office_page(request, region, form))


def _acceptance(request, pk):
    return scoping.get_visible_or_404(Acceptance.objects.select_related("case", "office", "requested_by",
                                                                        "decided_by"), request.user, pk=pk)


def _acceptance_page(request, acceptance, forms=None):
    from hrss.core import review

    forms = forms or {}
    today = timezone.localdate()
    actions = review.allowed_actions(request.user, acceptance.case)
    failing = []
    if acceptance.state == AcceptanceState.REQUESTED:
        failing = services.acceptance_problems(office=acceptance.office, on=today, what="通过验收")
    version = {"version": acceptance.case.version}
    return render(request, "network/acceptance/acceptance.html", {
        "acceptance": acceptance, "today": today, "failing": failing,
        "place": place_names([acceptance.region_code]).get(acceptance.region_code, ""),
        "decisions": acceptance.case.decisions.select_related("actor").order_by("at", "id"),
        "can_decide": has_permission(request.user, ACCEPT) and review.Action.APPROVE in actions,
        "can_withdraw": review.Action.WITHDRAW in actions and has_permission(request.user, INSPECT),
        "decision_form": forms.get("decide") or DecisionForm(initial={**version, "decision": "accept"}),
        "withdraw_form": forms.get("withdraw") or WithdrawForm(initial=version)})


@staff_view(NETWORK_VIEW)
def acceptance(request, pk):
    return _acceptance_page(request, _acceptance(request, pk))


def _acceptance_act(request, pk, key, form, act, message):
    acceptance = _acceptance(request, pk)

    def redisplay(form):
        acceptance.refresh_from_db()
        acceptance.case.refresh_from_db()
        messages.error(request, "未能保存，请按页面上的提示修改。")
        return _acceptance_page(request, acceptance, {key: form})

    return submit(request, form, _saying_why(lambda data: act(acceptance, data)), success=message,
                  done=lambda _: redirect("network:acceptance-detail", pk=pk), redisplay=redisplay,
                  changed=lambda: redirect("network:acceptance-detail", pk=pk))


@staff_view(NETWORK_VIEW)
@require_POST
def acceptance_decide(request, pk):
    return _acceptance_act(request, pk, "decide", DecisionForm(request.POST), lambda acceptance, data: (
        services.decide_acceptance(actor=request.user, acceptance=acceptance, accept=data["decision"] == "accept",
                                   version=data["version"], reason=data["reason"])),
        lambda acceptance: "已验收通过。" if acceptance.state == AcceptanceState.ACCEPTED else "已作出验收不通过的决定。")


@staff_view(NETWORK_VIEW)
@require_POST
def acceptance_withdraw(request, pk):
    return _acceptance_act(request, pk, "withdraw", WithdrawForm(request.POST), lambda acceptance, data: (
        services.withdraw_acceptance(actor=request.user, acceptance=acceptance, version=data["version"],
                                     reason=data["reason"])), "已撤回验收申请。")


# --- milestones and the bulletin ---------------------------------------------------------------------------------

@staff_view(NETWORK_VIEW)
def milestones(request):
    """The plan's milestones and each county's progress: offices due, accepted on time, late, not yet."""
    today = timezone.localdate()
    region = scoping.region_from_request(request)
    return render(request, "network/acceptance/milestones.html", {
        "today": today, "region": region, "groups": selectors.milestone_progress(request.user, today, region)})


def _bulletin_of(request):
    today = timezone.localdate()
    region = scoping.region_from_request(request)
    try:
        year, month = bulletin.parse_month(request.GET.get("month", ""), today)
    except ValidationError as error:
        year, month = bulletin.default_month(today)
        messages.error(request, "；".join(error.messages) + f" 已显示{year}年{month}月的通报。")
    return region, bulletin.bulletin(request.user, year, month, today, region)


@staff_view(NETWORK_VIEW)
def bulletin_page(request):
    """通报: the month's bulletin (the month picker, bounded by the plan's month and this one; the last completed
    month by default) and its two downloads."""
    region, report = _bulletin_of(request)
    return render(request, "network/acceptance/bulletin.html", {
        "region": region, "report": report, "table": bulletin.table(report), "month": f"{report.year:04d}-{report.month:02d}",
        "first_month": "{:04d}-{:02d}".format(*bulletin.FIRST_MONTH), "this_month": f"{timezone.localdate():%Y-%m}",
        "note": bulletin.milestone_note(report)})


def _issuer(user):
    scope = scoping.scope_of(user)
    return f"{scope.region.name}人力资源和社会保障局" if not scope.is_empty else "人力资源和社会保障局"


@staff_view(NETWORK_VIEW)
def bulletin_pdf(request):
    """The bulletin as a PDF to print; the download is audited."""
    region, report = _bulletin_of(request)
    data = bulletin.pdf(report, issuer=_issuer(request.user))
    audit.record(actor=request.user, action="network.acceptance.bulletin_printed", target=region,
                 after={"bulletin_month": f"{report.year:04d}-{report.month:02d}",
                        "bulletin_counties": len(report.lines)})
    response = HttpResponse(data, content_type="application/pdf", headers={
        "Content-Disposition": content_disposition_header(False, f"平台建设进展通报-{report.year}年{report.month}月.pdf")})
    response["Cache-Control"] = "no-store"
    return response


@staff_view(NETWORK_VIEW)
def bulletin_xlsx(request):
    """The bulletin as .xlsx; the download is audited (core.pages.xlsx_download)."""
    region, report = _bulletin_of(request)
    return pages.xlsx_download(request, bulletin.xlsx_sheets(report),
                               f"平台建设进展通报-{report.year}年{report.month}月.xlsx",
                               action="network.acceptance.bulletin_exported", target=region,
                               after={"bulletin_month": f"{report.year:04d}-{report.month:02d}",
                                      "bulletin_counties": len(report.lines)})


urlpatterns = [
    path("inspections/", inspections, name="acceptance-inspections"),
    path("inspections/new/", inspection_new, name="acceptance-inspection-new"),
    path("inspections/<int:pk>/", inspection, name="acceptance-inspection"),
    path("rectifications/", rectifications, name="acceptance-rectifications"),
    path("rectifications/<int:pk>/", rectification, name="acceptance-rectification"),
    path("rectifications/<int:pk>/fix/", rectification_fix, name="acceptance-rectification-fix"),
    path("rectifications/<int:pk>/confirm/", rectification_confirm, name="acceptance-rectification-confirm"),
    path("rectifications/<int:pk>/reopen/", rectification_reopen, name="acceptance-rectification-reopen"),
    path("acceptances/", acceptances, name="acceptance-list"),
    path("acceptances/office/", acceptance_office, name="acceptance-office"),
    path("acceptances/request/", acceptance_request, name="acceptance-request"),
    path("acceptances/<int:pk>/", acceptance, name="acceptance-detail"),
    path("acceptances/<int:pk>/decide/", acceptance_decide, name="acceptance-decide"),
    path("acceptances/<int:pk>/withdraw/", acceptance_withdraw, name="acceptance-withdraw"),
    path("milestones/", milestones, name="acceptance-milestones"),
    path("bulletin/", bulletin_page, name="acceptance-bulletin"),
    path("bulletin/pdf/", bulletin_pdf, name="acceptance-bulletin-pdf"),
    path("bulletin/xlsx/", bulletin_xlsx, name="acceptance-bulletin-xlsx"),
]
