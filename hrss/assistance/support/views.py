"""The support part's pages (mounted under /assistance/, url names prefixed "support-"): the 就业援助台账 of a
region and its .xlsx, a recognised person's assistance (plan and its versions, visits, referrals), the plan and
visit forms, and the visits of a region. Views only translate: writes are services.py's, reads selectors.py's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone

from hrss.assistance.models import AssistanceItem, Recognition, VisitWay
from hrss.assistance.permissions import ASSISTANCE_HANDLE, ASSISTANCE_VIEW
from hrss.assistance.support import rules, selectors, services
from hrss.assistance.support.forms import PlanForm, VisitForm
from hrss.core import pages, ratelimit, scoping
from hrss.core.permissions import has_permission, staff_view
from hrss.core.selectors import place_names
from hrss.jobservices.models import JobSeeker

LEDGER_TITLE = "就业援助台账"


def _filters(request):
    return {"state": request.GET.get("state", "") if request.GET.get("state") in ("standing", "exited") else "",
            "plan": request.GET.get("plan", "") if request.GET.get("plan") in ("yes", "no") else "",
            "overdue_only": request.GET.get("overdue") == "1", "q": request.GET.get("q", "")[:30]}


@staff_view(ASSISTANCE_VIEW)
def ledger(request):
    """就业援助台账: everyone recognised in the region (the user's own by default), with their plan, last visit,
    referrals and whether placed or exited; filters, pagination, .xlsx."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    filters = _filters(request)
    page = Paginator(selectors.ledger(request.user, region, today, **filters), 50).get_page(request.GET.get("page"))
    places = place_names((r.region_code for r in page), below=region)
    return render(request, "assistance/support/ledger.html", {
        "region": region, "today": today, "page": page, "filters": filters, "query": pages.query_without_page(request),
        "rows": selectors.ledger_rows(request.user, page, today, places), "interval": rules.visit_interval(today),
        "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(ASSISTANCE_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    recognitions = list(selectors.ledger(request.user, region, today, **_filters(request)))
    places = place_names((r.region_code for r in recognitions), below=region)
    rows = selectors.ledger_rows(request.user, recognitions, today, places)
    return pages.ledger_download(request, LEDGER_TITLE, region, today, selectors.LEDGER_HEADER,
                                 [row["cells"] for row in rows], action="assistance.support_ledger.exported")


def _recognition(request, pk):
    return scoping.get_visible_or_404(Recognition.objects.select_related("person"), request.user, pk=pk)


def _refer_link(user, person):
    """Where to refer the person: their open 求职登记 (its page lists the matching vacancies to refer to), or the
    求职登记 form when they have none."""
    seeker = scoping.visible_to(user, JobSeeker.objects.filter(person=person, status="active")).first()
    if seeker is not None:
        return reverse("jobservices:seekers-detail", args=[seeker.pk]), "查看匹配岗位并推荐"
    return reverse("jobservices:seekers-new", args=[person.pk]), "办理求职登记后推荐"


@staff_view(ASSISTANCE_VIEW)
def detail(request, pk):
    """A recognised person's assistance: the plan (and its earlier versions), the visits, the referrals."""
    recognition = _recognition(request, pk)
    today = timezone.localdate()
    visits = list(recognition.home_visits.select_related("visitor").order_by("-visited_on", "-pk"))
    followed = visits[0].visited_on if visits else recognition.recognised_on
    plans = list(selectors.plan_history(recognition))
    can_handle = has_permission(request.user, ASSISTANCE_HANDLE)
    refer_url, refer_label = _refer_link(request.user, recognition.person)
    placement = selectors.open_placements([recognition.person_id], today).get(recognition.person_id)
    return render(request, "assistance/support/detail.html", {
        "placement": placement, "placement_visible": placement is not None and scoping.visible_to(
            request.user, type(placement).objects.filter(pk=placement.pk)).exists(),
        "recognition": recognition, "person": recognition.person, "today": today,
        "category": selectors.category_name(recognition.category),
        "standing": selectors.is_valid(recognition, today), "plan": plans[0] if plans and plans[0].is_current else None,
        "history": [plan for plan in plans if not plan.is_current], "visits": visits,
        "overdue": selectors.is_valid(recognition, today) and followed is not None
        and followed < rules.overdue_cutoff(today), "interval": rules.visit_interval(today),
        "referrals": selectors.referrals_of(request.user, recognition.person)[:50],
        "refer_url": refer_url, "refer_label": refer_label, "can_handle": can_handle})


@staff_view(ASSISTANCE_HANDLE)
def plan(request, pk):
    """制定或修订援助计划 (GET the form with the current plan filled in, POST saves a new version)."""
    recognition = _recognition(request, pk)
    today = timezone.localdate()
    current = recognition.assistance_plans.filter(is_current=True).select_related("responsible").first()
    initial = ({"items": current.items, "other_item": current.other_item, "responsible": current.responsible_id,
                "target_on": current.target_on, "notes": current.notes} if current
               else {"responsible": request.user.pk, "target_on": today})
    staff = selectors.responsible_choices(recognition)
    form = PlanForm(request.POST or None, staff=staff, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_plan(actor=request.user, recognition=recognition, items=data["items"],
                               other_item=data["other_item"], responsible=data["responsible"],
                               target_on=data["target_on"], notes=data["notes"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已{'修订' if current else '制定'}{recognition.person.name}的援助计划。")
            return redirect("assistance:support-detail", pk=pk)
    return render(request, "assistance/support/plan_form.html", {
        "recognition": recognition, "person": recognition.person, "form": form, "current": current,
        "standing": selectors.is_valid(recognition, today)})


@staff_view(ASSISTANCE_HANDLE)
def visit(request, pk):
    """登记走访."""
    recognition = _recognition(request, pk)
    form = VisitForm(request.POST or None, initial={"visited_on": timezone.localdate(), "way": VisitWay.HOME})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_visit(actor=request.user, recognition=recognition, visited_on=data["visited_on"],
                                  way=data["way"], outcome=data["outcome"], next_step=data["next_step"],
                                  next_visit_on=data["next_visit_on"], companions=data["companions"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已登记对{recognition.person.name}的走访。")
            return redirect("assistance:support-detail", pk=pk)
    return render(request, "assistance/support/visit_form.html", {
        "recognition": recognition, "person": recognition.person, "form": form})


def _month(request, today):
    value = request.GET.get("month", "")
    try:
        year, month = (int(part) for part in value.split("-"))
        if 1 <= month <= 12 and 2000 <= year <= 2100:
            return year, month
    except ValueError:
        pass
    return None if value == "all" else (today.year, today.month)


@staff_view(ASSISTANCE_VIEW)
def visits(request):
    """The visits of a region (the user's own by default), this month by default (?month=YYYY-MM, or all)."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    month = _month(request, today)
    page = Paginator(selectors.visits(request.user, region, month=month), 50).get_page(request.GET.get("page"))
    return render(request, "assistance/support/visits.html", {
        "region": region, "page": page, "month": month, "month_value": f"{month[0]}-{month[1]:02d}" if month else "",
        "places": place_names((v.region_code for v in page), below=region), "query": pages.query_without_page(request),
        "crumbs": scoping.breadcrumb(request.user, region), "items": AssistanceItem})


urlpatterns = [
    path("support/ledger/", ledger, name="support-ledger"),
    path("support/ledger/export/", ledger_export, name="support-ledger-export"),
    path("support/visits/", visits, name="support-visits"),
    path("support/<int:pk>/", detail, name="support-detail"),
    path("support/<int:pk>/plan/", plan, name="support-plan"),
    path("support/<int:pk>/visit/", visit, name="support-visit"),
]
