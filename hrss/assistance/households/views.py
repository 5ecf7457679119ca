"""The households part's pages (url names prefixed "households-"): the 零就业家庭 list with its filters, the ledger
comparison button and the .xlsx 台账, a case with its members, verification, assistance records and clearing, the
report of a household from a member's page, and the rural households without anyone in work (read-only, from the
ledger). Views only translate: the writes are services.py's, the reads selectors.py's, through core.scoping."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hrss.assistance.households import rules, selectors, services
from hrss.assistance.households.forms import ClearForm, RecordForm, ReportForm, VerifyForm
from hrss.assistance.models import HouseholdCaseStatus, ZeroEmploymentHousehold
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.core import pages, scoping
from hrss.core.forms import submit
from hrss.core.models import Level
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.residents.labour_status import IN_WORK
from hrss.residents.models import Person


def _state(request):
    state = request.GET.get("state") or "open"
    return state if state in selectors.STATES else "open"


def _can_scan(user, region):
    # The comparison reads every person of the region: offered from the township down (the command does more).
    return (has_permission(user, ASSISTANCE_HANDLE) and bool(set(user.role_list) & services.SCAN_ROLES)
            and region.level >= Level.TOWNSHIP)


@staff_view(ASSISTANCE_VIEW)
def case_list(request):
    """零就业家庭: the cases of a region in a state (open by default), days open for each open one; for a township or
    a village, how many of the ledger's 零就业家庭 have no case yet (what the comparison would open). Opening the
    list does not run the comparison itself: a page read writes nothing (and leaves no audit entry); the count
    says when the township's button (or the scan-zero-employment command) is due."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    state = _state(request)
    found = selectors.listed(request.user, region, state, today)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    places = place_names([case.region_code for case in page], region)
    rows = [(case, places.get(case.region_code, ""), case.days_open(today),
             rules.is_overdue(case.found_on, today) if case.is_open
             else case.status == HouseholdCaseStatus.CLEARED and rules.is_late(case.found_on, case.cleared_on))
            for case in page]
    not_yet_open = (len(selectors.not_yet_open(request.user, region, today))
                    if region.level >= Level.TOWNSHIP else None)
    return render(request, "assistance/households/list.html", {
        "region": region, "state": state, "state_label": selectors.STATES[state], "states": selectors.STATES,
        "rows": rows, "page": page,
        "target_days": rules.target_days(today), "not_yet_open": not_yet_open,
        "can_scan": _can_scan(request.user, region),
        "crumbs": scoping.breadcrumb(request.user, region), "urban_definition": rules.URBAN_IN_PLAIN_WORDS})


@staff_view(ASSISTANCE_VIEW)
def case_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    state = request.GET.get("state") or "all"
    state = state if state in selectors.STATES else "all"
    header, rows = selectors.ledger_rows(request.user, region, state, today)
    return pages.xlsx_download(request, [("零就业家庭台账", header, rows)], f"零就业家庭台账-{region.name}-{today:%Y%m%d}.xlsx",
                               action="assistance.zero_household_ledger.exported", target=region,
                               after={"rows": len(rows)})


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def scan(request):
    region = scoping.region_from_request(request)
    try:
        opened, cleared = services.scan_households(actor=request.user, region=region)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"已比对{region.name}的人员台账：新发现零就业家庭{opened}户，清零{cleared}户。")
    return redirect(f"{reverse('assistance:households-list')}?region={region.code}")


def _case(request, pk):
    return scoping.get_visible_or_404(ZeroEmploymentHousehold.objects.select_related("household", "cleared_member"),
                                      request.user, pk=pk)


@staff_view(ASSISTANCE_VIEW)
def case_detail(request, pk, verify_form=None, record_form=None, clear_form=None):
    case = _case(request, pk)
    today = timezone.localdate()
    members = selectors.members(request.user, case)
    working = [person for person in members if person.labour_status in IN_WORK]
    can_handle = has_permission(request.user, ASSISTANCE_HANDLE) and case.is_open
    first = working[0] if working else None
    return render(request, "assistance/households/detail.html", {
        "case": case, "members": members, "records": selectors.records(case), "today": today,
        "head": next((person for person in members if person.id_number == case.household.head_id_number), None),
        "days_open": case.days_open(today), "target_days": rules.target_days(case.found_on),
        "overdue": case.is_open and rules.is_overdue(case.found_on, today),
        "late": case.status == HouseholdCaseStatus.CLEARED and rules.is_late(case.found_on, case.cleared_on),
        "place": place_names([case.region_code]).get(case.region_code, ""),
        "can_handle": can_handle,
        "verify_form": (verify_form or VerifyForm(initial={"verified_on": today, "version": case.version}))
        if can_handle and case.status == HouseholdCaseStatus.FOUND else None,
        "record_form": (record_form or RecordForm(initial={"done_on": today})) if can_handle else None,
        "clear_form": (clear_form or ClearForm(members=members, initial={
            "version": case.version, "member": first.pk if first else "",
            "started_on": first.status_since if first and first.status_since else today}))
        if can_handle else None,
    })


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def case_verify(request, pk):
    case = _case(request, pk)
    return submit(request, VerifyForm(request.POST), lambda data: services.verify_household(
        actor=request.user, case=case, outcome=data["outcome"], verified_on=data["verified_on"], note=data["note"],
        version=data["version"]),
        success="已核实。", done=lambda _: redirect("assistance:households-detail", pk=pk),
        redisplay=lambda form: case_detail(request, pk, verify_form=form))


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def case_record(request, pk):
    case = _case(request, pk)
    return submit(request, RecordForm(request.POST), lambda data: services.record_assistance(
        actor=request.user, case=case, done_on=data["done_on"], kind=data["kind"], note=data["note"]),
        success="已录入援助记录。", done=lambda _: redirect("assistance:households-detail", pk=pk),
        redisplay=lambda form: case_detail(request, pk, record_form=form))


@require_POST
@staff_view(ASSISTANCE_HANDLE)
def case_clear(request, pk):
    case = _case(request, pk)
    members = selectors.members(request.user, case)

    def clear(data):
        member = next((person for person in members if person.pk == data["member"]), None)
        services.clear_household(actor=request.user, case=case, member=member, started_on=data["started_on"],
                                 note=data["note"], version=data["version"])
        case.refresh_from_db()
        return case

    return submit(request, ClearForm(request.POST, members=members), clear,
                  success=lambda cleared: f"已清零，用时{cleared.days_to_clear}天。",
                  done=lambda _: redirect("assistance:households-detail", pk=pk),
                  redisplay=lambda form: case_detail(request, pk, clear_form=form))


@staff_view(ASSISTANCE_HANDLE)
def report(request, person_pk):
    """上报零就业家庭, from a member's page: the member's household."""
    person = scoping.get_visible_or_404(Person.objects.select_related("household"), request.user, pk=person_pk)
    today = timezone.localdate()
    form = ReportForm(request.POST or None, initial={"found_on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.report_household(actor=request.user, person=person, source=data["source"],
                                             found_on=data["found_on"], note=data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已登记{person.name}家为零就业家庭，待村(社区)核实。")
            return redirect("assistance:households-detail", pk=case.pk)
    existing = selectors.open_case_of(person.household) if person.household_id else None
    return render(request, "assistance/households/report.html", {"person": person, "form": form,
                                                                 "existing": existing})


@staff_view(ASSISTANCE_VIEW)
def rural(request):
    """农村家庭无人就业: read-only, from the ledger (a separate figure from 零就业家庭)."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    found = selectors.rural_households(request.user, region, today)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    places = place_names([household.region_code for household, _people in page], region)
    return render(request, "assistance/households/rural.html", {
        "region": region, "page": page, "total": len(found), "urban_definition": rules.URBAN_IN_PLAIN_WORDS,
        "rows": [(household, people, places.get(household.region_code, "")) for household, people in page],
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(ASSISTANCE_VIEW)
def rural_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    header, rows = selectors.rural_rows(request.user, region, today)
    return pages.xlsx_download(request, [("农村无人就业家庭", header, rows)],
                               f"农村无人就业家庭-{region.name}-{today:%Y%m%d}.xlsx",
                               action="assistance.rural_households.exported", target=region, after={"rows": len(rows)})


urlpatterns = [
    path("households/", case_list, name="households-list"),
    path("households.xlsx", case_export, name="households-export"),
    path("households/scan/", scan, name="households-scan"),
    path("households/<int:pk>/", case_detail, name="households-detail"),
    path("households/<int:pk>/verify/", case_verify, name="households-verify"),
    path("households/<int:pk>/records/", case_record, name="households-record"),
    path("households/<int:pk>/clear/", case_clear, name="households-clear"),
    path("households/report/<int:person_pk>/", report, name="households-report"),
    path("households/rural/", rural, name="households-rural"),
    path("households/rural.xlsx", rural_export, name="households-rural-export"),
]
