"""The promises part's pages under /supervision/promises/ (url names prefixed "promises-"): the service catalogue
(服务事项与一次性告知), one service's 一次性告知书 with the slip given to a citizen and its print, the slips' ledger,
the promises measured per service (服务承诺) with the cases behind them, and the open cases overdue or nearly due
(限时办结). Views only translate: the write is services.py's, the reads selectors.py's."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from hrss.core import catalogue, scoping
from hrss.core.dates import add_months
from hrss.core.forms import submit
from hrss.core.id_numbers import mask
from hrss.core.models import Region
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.supervision import inputs
from hrss.supervision.models import NoticeSlip
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.promises import selectors, services
from hrss.supervision.promises.forms import SlipForm


def _month(request, today):
    """The month of ?month=YYYY-MM, or this month (a refused value too: the page says why and which month it
    shows)."""
    text = request.GET.get("month", "")
    if not text:
        return today.replace(day=1)
    try:
        return inputs.parse_month(text, today)
    except inputs.MonthRefused as refused:
        messages.error(request, f"{refused}已显示本月。")
        return today.replace(day=1)


def _context(request, region, tab, **more):
    return {"region": region, "tab": tab, "crumbs": scoping.breadcrumb(request.user, region),
            "children": selectors.children_of(request.user, region), **more}


@staff_view(SUPERVISION_VIEW)
def service_list(request):
    """服务事项与一次性告知: every service of every area, with today's documents, promise and legal basis."""
    today = timezone.localdate()
    return render(request, "supervision/promises/services.html", {
        "rows": selectors.service_rows(today), "today": today, "tab": "services",
        "can_handle": has_permission(request.user, SUPERVISION_HANDLE)})


@staff_view(SUPERVISION_VIEW)
def notice(request):
    """One service's 一次性告知书 (?service=CODE): the full list at once, printable blank; and, for an officer, the
    list to tick what the citizen lacks: the slip is recorded and printed (POST, the office being ?region= or the
    officer's own; someone without the permission to give slips is refused by the service, with an audit entry)."""
    today = timezone.localdate()
    service = catalogue.service(request.GET.get("service") or request.POST.get("service") or "")
    if service is None:
        raise Http404("没有该服务事项。")
    region = scoping.region_from_request(request)
    documents = service.documents_on(today)
    can_handle = has_permission(request.user, SUPERVISION_HANDLE)
    form = SlipForm(request.POST or None, documents=documents)

    def page(form):
        return render(request, "supervision/promises/notice.html", {
            "service": service, "documents": documents, "promise": service.promise_label(today), "today": today,
            "region": region, "form": form if can_handle else None, "tab": "services"})

    if request.method != "POST":
        return page(form)

    def act(data):
        return services.give_notice_slip(actor=request.user, region=region, service_code=service.code,
                                         citizen_name=data["citizen_name"], id_number=data["id_number"],
                                         missing=data["missing"], other=data["other"])

    return submit(request, form, act, success=lambda slip: f"已出具一次性告知书（{slip.number}），请打印交办事人。",
                  done=lambda slip: redirect("supervision:promises-slip", pk=slip.pk), redisplay=page)


@staff_view(SUPERVISION_VIEW)
def slip(request, pk):
    """The printed 一次性告知书 of one slip (A5 or A4; readable on a phone)."""
    given = scoping.get_visible_or_404(NoticeSlip.objects.select_related("given_by"), request.user, pk=pk)
    office = Region.objects.filter(code=given.region_code).first()
    service = catalogue.service(given.service_code)
    # How each missing document is handed in (原件 shown, copies), from the checklist in force the day it was given
    # (dated, so a later change of the catalogue does not change a slip); an item typed by hand has none.
    documents = {document.name: document for document in (service.documents_on(given.given_on) if service else ())}
    missing = [(name, documents[name].how if name in documents else "", documents[name].note if name in documents
                else "") for name in given.missing]
    return render(request, "supervision/promises/slip.html", {
        "slip": given, "missing": missing, "office": office, "place": place_names([given.region_code]).get(given.region_code, ""),
        "service": service, "promise": service.promise_label(given.given_on) if service else "",
        "masked_id": mask(given.id_number) if given.id_number else ""})


@staff_view(SUPERVISION_VIEW)
def slip_ledger(request):
    """一次性告知台账: the slips given in a region (the user's own by default), newest first."""
    region = scoping.region_from_request(request)
    slips = list(selectors.slips_visible(request.user, region)[:500])
    places = place_names((row.region_code for row in slips), below=region)
    return render(request, "supervision/promises/slips.html", _context(
        request, region, "slips", slips=slips, places=places))


@staff_view(SUPERVISION_VIEW)
def promise(request):
    """服务承诺: per service, the cases closed in a month in a region, against the promise."""
    today = timezone.localdate()
    region = scoping.region_from_request(request)
    month = _month(request, today)
    rows = selectors.promise_rows(request.user, region, month.year, month.month)
    return render(request, "supervision/promises/promise.html", _context(
        request, region, "promise", rows=rows, month=month, previous=add_months(month, -1),
        following=add_months(month, 1) if add_months(month, 1) <= today else None, today=today))


@staff_view(SUPERVISION_VIEW)
def promise_cases(request):
    """The cases behind a promise row (?service=CODE&month=YYYY-MM&region=CODE): real and promised days each."""
    today = timezone.localdate()
    service = catalogue.service(request.GET.get("service", ""))
    if service is None or not (service.case_type or service.closed):
        raise Http404("没有该服务事项。")
    region = scoping.region_from_request(request)
    month = _month(request, today)
    measured = selectors.measured_cases(request.user, region, month.year, month.month, service)
    places = place_names((row.case.region_code for row in measured), below=region)
    return render(request, "supervision/promises/promise_cases.html", _context(
        request, region, "promise", service=service, month=month, measured=measured, places=places,
        late_only=request.GET.get("late") == "1"))


@staff_view(SUPERVISION_VIEW)
def overdue(request):
    """限时办结: open cases in scope overdue or due within 2 working days, grouped by the office holding them."""
    today = timezone.localdate()
    region = scoping.region_from_request(request)
    flagged = selectors.open_cases_due(request.user, region, today)
    places = place_names((row.case.region_code for row in flagged), below=region)
    return render(request, "supervision/promises/overdue.html", _context(
        request, region, "overdue", groups=selectors.grouped_by_office(flagged), places=places, today=today,
        overdue_count=sum(row.overdue for row in flagged), nearly=selectors.NEARLY_DUE_WORKING_DAYS))


urlpatterns = [
    path("promises/services/", service_list, name="promises-services"),
    path("promises/notice/", notice, name="promises-notice"),
    path("promises/slips/", slip_ledger, name="promises-slips"),
    path("promises/slips/<int:pk>/", slip, name="promises-slip"),
    path("promises/promise/", promise, name="promises-promise"),
    path("promises/promise/cases/", promise_cases, name="promises-promise-cases"),
    path("promises/overdue/", overdue, name="promises-overdue"),
]
