"""The ratings part's pages under /supervision/ (url names prefixed "ratings-"): the public rating page (no login),
an office's completed cases and the rating slip (评价凭条) of each, the 评价台账 and its .xlsx, the complaints (意见箱)
with their reply, and the figures per office for a month. Views only translate: writes are services.py's, reads
selectors.py's; the rating rules live in services, so the public portal can reuse them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from hrss.core import ratelimit, scoping
from hrss.core.forms import submit
from hrss.core.middleware import client_address
from hrss.core.models import ReviewCase
from hrss.core.pages import ledger_download, query_without_page
from hrss.core.permissions import has_permission, staff_view
from hrss.core.review import chain_of
from hrss.core.selectors import place_names
from hrss.supervision.models import ComplaintState, Score
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.ratings import rules, selectors, services
from hrss.supervision.ratings.forms import CodeForm, ComplaintForm, RatingForm, ReplyForm

# --- the public rating page --------------------------------------------------------------------------------------


def _code_page(request, form, *, refused=False, done=False):
    """The page asking for a code; a refused one (unknown or used: the same status and words for both) is 404."""
    if refused:
        form.add_error("code", services.REFUSED)
    return render(request, "supervision/ratings/rate.html", {"code_form": form, "done": done},
                  status=404 if refused else 200)


def _rating_page(request, rating_code, form):
    office = selectors.office_label(rating_code)
    return render(request, "supervision/ratings/rate.html", {
        "form": form, "rating_code": rating_code, "office": office, "poor": [int(s) for s in services.POOR_SCORES]})


def _limited(request):
    """Every code tried counts against the address's limit (HRSS_RATE_LIMITS["rating"]); None while allowed."""
    allowed, retry_after = ratelimit.allow("rating", "address:" + client_address(request))
    return None if allowed else ratelimit.too_many(retry_after)


@csrf_protect
@require_http_methods(["GET", "POST"])
def _rate(request):
    """好差评: the citizen types (or scans) the code on their receipt, then rates the service once. An unknown code
    and a used one get the same answer."""
    if request.method == "GET":
        if request.GET.get("done"):
            return _code_page(request, CodeForm(), done=request.GET["done"])
        if "code" not in request.GET:
            return _code_page(request, CodeForm())
        form = CodeForm(request.GET)
        if (limited := _limited(request)) is not None:
            return limited
        rating_code = services.code_to_rate(form.data.get("code")) if form.is_valid() else None
        if rating_code is None:
            return _code_page(request, CodeForm(request.GET), refused=True)
        return _rating_page(request, rating_code, RatingForm(initial={"code": rating_code.code}))
    if (limited := _limited(request)) is not None:
        return limited
    rating_code = services.code_to_rate(request.POST.get("code"))
    if rating_code is None:
        return _code_page(request, CodeForm(request.POST), refused=True)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            services.rate(code=rating_code.code, score=form.cleaned_data["score"], reason=form.cleaned_data["reason"],
                          phone=form.cleaned_data["phone"])
        except services.RatingRefused:
            return _code_page(request, CodeForm(request.POST), refused=True)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # The thank-you depends on the rating: a poor one says what happens next, and whether a call comes.
            done = ("poor-call" if form.cleaned_data["phone"] else "poor") if (
                form.cleaned_data["score"] in services.POOR_SCORES) else "good"
            return redirect(reverse("supervision:ratings-rate") + "?done=" + done)
    return _rating_page(request, rating_code, form)


rate = scoping.public(_rate)


# --- an office's completed cases and their slips ---------------------------------------------------------------


@staff_view(SUPERVISION_VIEW)
def completed(request):
    """The cases decided in a region (the user's own by default), latest first, each with its rating code: what a
    village assistant hands over on a slip."""
    region = scoping.region_from_request(request)
    page = Paginator(selectors.completed_cases(request.user, region), 50).get_page(request.GET.get("page"))
    codes = selectors.codes_of_cases(page)
    places = place_names((case.region_code for case in page), below=region)
    rows = [{"case": case, "code": codes.get(case.pk), "place": places.get(case.region_code, "")} for case in page]
    return render(request, "supervision/ratings/completed.html", {
        "region": region, "page": page, "rows": rows, "crumbs": scoping.breadcrumb(request.user, region)})


def _case(request, pk):
    return scoping.get_visible_or_404(ReviewCase.objects.filter(status__in=services.COMPLETED_STATUSES),
                                      request.user, pk=pk)


@staff_view(SUPERVISION_VIEW)
@require_http_methods(["GET", "POST"])
def slip(request, pk):
    """评价凭条 of a completed case: the service, the office, the day, the code and its QR, to print and hand over.
    A case closed before codes were issued gets its code here (POST)."""
    case = _case(request, pk)
    if request.method == "POST":
        try:
            services.issue_case_code(actor=request.user, case=case)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        return redirect("supervision:ratings-slip", pk=case.pk)
    rating_code = selectors.code_of_case(case)
    return render(request, "supervision/ratings/slip.html", {
        "case": case, "rating_code": rating_code, "service": chain_of(case).label,
        "office": place_names([case.region_code]).get(case.region_code, ""),
        "completed_on": timezone.localdate(case.closed_at),
        "can_issue": has_permission(request.user, SUPERVISION_HANDLE)})


# --- 评价台账 -----------------------------------------------------------------------------------------------------


LEDGER_TITLE = "评价台账"


def _ledger_filters(request):
    score = request.GET.get("score", "")
    month = None
    if request.GET.get("month"):
        try:
            month = selectors.parse_month(request.GET["month"])
        except ValueError:
            month = None
    if score != "poor":
        score = int(score) if score.isdigit() and int(score) in Score.values else None
    return {"score": score, "month": month,
            "service": request.GET.get("service", "")[:100]}


@staff_view(SUPERVISION_VIEW)
def ledger(request):
    """评价台账: the ratings given to the offices of a region, filtered by score, month and service; .xlsx."""
    region = scoping.region_from_request(request)
    filters = _ledger_filters(request)
    page = Paginator(selectors.ledger(request.user, region, **filters), 50).get_page(request.GET.get("page"))
    places = place_names((r.region_code for r in page), below=region)
    return render(request, "supervision/ratings/ledger.html", {
        "region": region, "page": page, "filters": filters, "scores": Score.choices,
        "rows": [{"rating": r, "place": places.get(r.region_code, "")} for r in page],
        "month": request.GET.get("month", "") if filters["month"] else "", "query": query_without_page(request),
        "services": selectors.services_rated(request.user, region), "crumbs": scoping.breadcrumb(request.user, region)})


@staff_view(SUPERVISION_VIEW)
@ratelimit.per_user("export")
def ledger_export(request):
    region = scoping.region_from_request(request)
    ratings = list(selectors.ledger(request.user, region, **_ledger_filters(request)))
    places = place_names((r.region_code for r in ratings), below=region)
    return ledger_download(request, LEDGER_TITLE, region, timezone.localdate(), selectors.LEDGER_HEADER,
                           [selectors.ledger_cells(r, places) for r in ratings],
                           action="supervision.ratings.ledger_exported")


# --- figures per office ------------------------------------------------------------------------------------------


@staff_view(SUPERVISION_VIEW)
def offices(request):
    """The figures of each office of a region for a month: cases completed, ratings, average, share satisfied, poor
    ratings, complaints received, open and overdue now."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    try:
        year, month = selectors.parse_month(request.GET.get("month", ""))
    except ValueError:
        year, month = today.year, today.month
    rows, totals = selectors.office_figures(request.user, region, year, month, today)
    places = place_names((row["office"] for row in rows), below=region)
    for row in rows:
        row["place"] = places.get(row["office"], row["office"]) or region.name
    return render(request, "supervision/ratings/offices.html", {
        "region": region, "rows": rows, "totals": totals, "month": f"{year}-{month:02d}", "year": year,
        "month_number": month, "crumbs": scoping.breadcrumb(request.user, region)})


# --- complaints --------------------------------------------------------------------------------------------------


def _complaint_filters(request, today):
    state = request.GET.get("state", "")
    handler = request.GET.get("handler", "")
    return {"state": state if state in ComplaintState.values else "", "overdue": request.GET.get("overdue") == "1",
            "today": today, "office": request.GET.get("office", "")[:12], "handler": handler[:12]}


def _complaints(request, region, today):
    filters = _complaint_filters(request, today)
    handler = filters.pop("handler")
    rows = selectors.complaints(request.user, region, **filters)
    return (rows.filter(region_code=handler) if handler else rows), filters


@staff_view(SUPERVISION_VIEW)
def complaints(request):
    """投诉 (差评 and 意见箱) handled in a region: open first, by deadline; never those about the user."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    rows, filters = _complaints(request, region, today)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    places = place_names((c.office_code for c in page), below=region)
    return render(request, "supervision/ratings/complaints.html", {
        "region": region, "page": page, "filters": filters, "today": today,
        "rows": [{"complaint": c, "place": places.get(c.office_code, ""), "overdue": c.is_overdue(today)}
                 for c in page],
        "states": ComplaintState.choices, "query": query_without_page(request),
        "crumbs": scoping.breadcrumb(request.user, region),
        "can_handle": has_permission(request.user, SUPERVISION_HANDLE)})


COMPLAINTS_HEADER = ["收到日期", "来源", "被投诉机构", "被投诉工作人员", "投诉内容", "投诉人", "联系电话", "答复期限",
                     "状态", "核实结果", "答复", "答复日期"]


@staff_view(SUPERVISION_VIEW)
@ratelimit.per_user("export")
def complaints_export(request):
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    rows = list(_complaints(request, region, today)[0])
    places = place_names((c.office_code for c in rows), below=region)
    cells = [[c.received_on, c.get_origin_display(), places.get(c.office_code, c.office_code), str(c.about_staff or ""),
              c.text, c.complainant_name, c.complainant_phone, c.due_date, c.get_state_display(), c.get_outcome_display(), c.reply,
              c.replied_on] for c in rows]
    return ledger_download(request, "投诉台账", region, today, COMPLAINTS_HEADER, cells,
                           action="supervision.ratings.complaints_exported")


def _complaint(request, pk):
    # Out of scope, and a complaint about the user, look exactly like one that does not exist.
    return get_object_or_404(selectors.complaints_visible_to(request.user), pk=pk)


def _complaint_page(request, complaint, form=None):
    today = timezone.localdate()
    return render(request, "supervision/ratings/complaint.html", {
        "complaint": complaint, "today": today, "overdue": complaint.is_overdue(today),
        "office": place_names([complaint.office_code]).get(complaint.office_code, ""),
        "handler": place_names([complaint.region_code]).get(complaint.region_code, ""),
        "rating_code": complaint.rating.code if complaint.rating_id else None,
        "rated": selectors.rated_case(request.user, complaint.rating.code) if complaint.rating_id else ("", ""),
        "form": form or ReplyForm(), "days": rules.reply_days(complaint.received_on),
        "can_reply": complaint.is_open and has_permission(request.user, SUPERVISION_HANDLE)})


@staff_view(SUPERVISION_VIEW)
def complaint(request, pk):
    return _complaint_page(request, _complaint(request, pk))


@staff_view(SUPERVISION_HANDLE)
@require_POST
def reply(request, pk):
    found = _complaint(request, pk)
    return submit(request, ReplyForm(request.POST), lambda data: services.reply_complaint(
        actor=request.user, complaint=found, reply=data["reply"],
        outcome=data["outcome"]), success="已答复，投诉办结。",
        done=lambda c: redirect("supervision:ratings-complaint", pk=c.pk),
        redisplay=lambda form: _complaint_page(request, found, form))


@staff_view(SUPERVISION_HANDLE)
def complaint_new(request):
    """意见箱: enter a complaint received by phone, letter, visit or from the box."""
    form = ComplaintForm(request.POST or None, user=request.user, initial={"received_on": timezone.localdate()})
    def page(form):
        return render(request, "supervision/ratings/complaint_new.html", {"form": form})

    if request.method != "POST":
        return page(form)

    def act(data):
        return services.record_complaint(
            actor=request.user, office_code=data["office"].code, about_staff=data["about_staff"],
            origin=data["origin"], text=data["text"], received_on=data["received_on"],
            complainant_name=data["complainant_name"], complainant_phone=data["complainant_phone"])

    def done(found):
        # Those who may see it (the handling office, not the staff member it is about) open it; others start anew.
        if selectors.complaints_visible_to(request.user).filter(pk=found.pk).exists():
            return redirect("supervision:ratings-complaint", pk=found.pk)
        return redirect("supervision:ratings-complaint-new")

    return submit(request, form, act, success=lambda c: f"已登记投诉，转{place_names([c.region_code]).get(c.region_code)}"
                  f"办理，答复期限 {c.due_date or '待节假日安排录入后确定'}。", done=done, redisplay=page)


urlpatterns = [
    path("rate/", rate, name="ratings-rate"),
    path("ratings/", ledger, name="ratings-ledger"),
    path("ratings/export/", ledger_export, name="ratings-ledger-export"),
    path("ratings/offices/", offices, name="ratings-offices"),
    path("ratings/completed/", completed, name="ratings-completed"),
    path("ratings/slip/<int:pk>/", slip, name="ratings-slip"),
    path("complaints/", complaints, name="ratings-complaints"),
    path("complaints/export/", complaints_export, name="ratings-complaints-export"),
    path("complaints/new/", complaint_new, name="ratings-complaint-new"),
    path("complaints/<int:pk>/", complaint, name="ratings-complaint"),
    path("complaints/<int:pk>/reply/", reply, name="ratings-complaint-reply"),
]
