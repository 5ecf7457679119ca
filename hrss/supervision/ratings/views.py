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
from django.views.decorators.cache import never_cache
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
from hrss.supervision import inputs
from hrss.supervision.models import ComplaintState, Score
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.ratings import links, rules, selectors, services
from hrss.supervision.ratings.forms import CodeForm, ComplaintForm, RatingForm, ReplyForm

# --- the public rating page --------------------------------------------------------------------------------------

# The thank-you pages this page sends the citizen to after a rating (?done=): any other value shows the code page.
DONE = ("good", "poor", "poor-call")
# What the thank-you page may name of the service just rated (kept in the citizen's session, read once).
RATED_KEY = "supervision_rated"
STAFF_REFUSED = ("工作人员登录状态下不能代群众评价：请退出登录，由办事群众用自己的手机扫码或输入评价码评价。"
                 "本次评价没有记录。")


def _code_page(request, form, *, refused=False, status=None):
    """The page asking for a code; a refused one (unknown or used: the same status and words for both) is 404."""
    if refused:
        form.add_error("code", services.REFUSED)
    return render(request, "supervision/ratings/rate.html", {"code_form": form},
                  status=status or (404 if refused else 200))


def _rating_page(request, form, *, status=200):
    """The rating form for the code typed. It shows nothing of the code's service, office or day: the page answers
    the same for a valid code, a used one and an unknown one until a rating is submitted, so that nobody (the staff
    who printed the slips included) learns from it whether a citizen has rated."""
    return render(request, "supervision/ratings/rate.html", {
        "form": form, "poor": [int(s) for s in services.POOR_SCORES],
        "code": links.printed(services.normalise_code(form["code"].value())),
        "staff": request.user.is_authenticated and request.method == "GET"}, status=status)


def _done_page(request, done):
    rated = request.session.pop(RATED_KEY, None) if hasattr(request, "session") else None
    return render(request, "supervision/ratings/rate.html", {"done": done, "rated": rated})


def _limited(request):
    """Every rating submitted counts against the address's limit (HRSS_RATE_LIMITS["rating"]); None while allowed,
    else the page saying (in Chinese) how long to wait, with the way back to the code page."""
    allowed, retry_after = ratelimit.allow("rating", "address:" + client_address(request))
    if allowed:
        return None
    minutes, seconds = divmod(retry_after, 60)
    wait = f"{minutes}分{seconds}秒" if minutes else f"{seconds}秒"
    response = render(request, "supervision/ratings/rate.html", {"limited": wait}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


@never_cache  # the code is in the address and on the page: a shared phone's browser or a proxy keeps neither
@csrf_protect
@require_http_methods(["GET", "POST"])
def _rate(request):
    """好差评: the citizen types (or scans) the code on their receipt, then rates the service once. Until a rating
    is submitted the page answers the same for every well-formed code; on submitting, an unknown code and a used
    one get the same refusal."""
    if request.method == "GET":
        if "done" in request.GET:
            if request.GET["done"] in DONE:
                return _done_page(request, request.GET["done"])
            return _code_page(request, CodeForm())
        if "code" not in request.GET:
            return _code_page(request, CodeForm())
        form = CodeForm(request.GET)
        if not form.is_valid():
            return _code_page(request, form)
        return _rating_page(request, RatingForm(initial={"code": form.cleaned_data["code"]}))
    if request.user.is_authenticated:  # a rating is the citizen's own: staff cannot give one for them
        form = RatingForm(request.POST)
        form.is_valid()
        form.errors.clear()
        form.add_error(None, STAFF_REFUSED)
        return _rating_page(request, form, status=403)
    if (limited := _limited(request)) is not None:
        return limited
    if not services.normalise_code(request.POST.get("code")):
        return _code_page(request, CodeForm(request.POST), refused=True)
    form = RatingForm(request.POST)
    # The form is checked before the code is looked up: whatever is wrong with it is said the same for any code.
    if form.is_valid():
        try:
            rating = services.rate(code=form.cleaned_data["code"], score=form.cleaned_data["score"],
                                   reason=form.cleaned_data["reason"], phone=form.cleaned_data["phone"])
        except services.RatingRefused:
            return _code_page(request, CodeForm(request.POST), refused=True)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session[RATED_KEY] = {"service": rating.code.service,
                                          "office": selectors.office_label(rating.code),
                                          "handler": rating.code.complaint_handler_name}
            # The thank-you depends on the rating: a poor one says what happens next, and whether a call comes.
            done = ("poor-call" if form.cleaned_data["phone"] else "poor") if (
                form.cleaned_data["score"] in services.POOR_SCORES) else "good"
            return redirect(reverse("supervision:ratings-rate") + "?done=" + done)
    return _rating_page(request, form)


rate = scoping.public(_rate)


# --- an office's completed cases and their slips ---------------------------------------------------------------


@staff_view(SUPERVISION_VIEW)
def completed(request):
    """The cases decided in a region (the user's own by default), latest first, each with the link to its slip: what
    a village assistant prints and hands over. No code is listed: one is read on its slip, and each opening of a
    slip is audited (a list of codes would let staff try them on the public page, or rate in the citizen's place)."""
    region = scoping.region_from_request(request)
    page = Paginator(selectors.completed_cases(request.user, region), 50).get_page(request.GET.get("page"))
    issued = selectors.codes_of_cases(page)
    places = place_names((case.region_code for case in page), below=region)
    rows = [{"case": case, "issued": case.pk in issued, "place": places.get(case.region_code, "")} for case in page]
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
    if rating_code is not None:
        services.record_slip_printed(actor=request.user, case=case)
    return render(request, "supervision/ratings/slip.html", {
        "case": case, "rating_code": rating_code, "service": chain_of(case).label,
        "office": place_names([case.region_code]).get(case.region_code, ""),
        "completed_on": timezone.localdate(case.closed_at),
        "can_issue": has_permission(request.user, SUPERVISION_HANDLE)})


# --- 评价台账 -----------------------------------------------------------------------------------------------------


LEDGER_TITLE = "评价台账"


def _ledger_filters(request):
    """The ledger's filters; a month inputs.month_filter refuses (malformed, not begun, before 2000) is dropped (the
    page says why, the download does not run)."""
    score = request.GET.get("score", "")
    bounds = inputs.month_filter(request.GET.get("month", ""), timezone.localdate())[0]
    month = (bounds[0].year, bounds[0].month) if bounds else None
    if score != "poor":
        score = int(score) if score.isdigit() and int(score) in Score.values else None
    return {"score": score, "month": month,
            "service": request.GET.get("service", "")[:100]}


@staff_view(SUPERVISION_VIEW)
def ledger(request):
    """评价台账: the ratings given to the offices of a region, filtered by score, month and service; .xlsx."""
    region = scoping.region_from_request(request)
    filters = _ledger_filters(request)
    if refused := inputs.month_kept(request.GET.get("month", ""), timezone.localdate())[1]:
        messages.error(request, f"评价月份：{refused}已显示全部月份。")
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
    if inputs.month_kept(request.GET.get("month", ""), timezone.localdate())[1]:  # no download of every month
        return redirect(reverse("supervision:ratings-ledger") + "?" + request.GET.urlencode())
    ratings = list(selectors.ledger(request.user, region, **_ledger_filters(request)))
    places = place_names((r.region_code for r in ratings), below=region)
    return ledger_download(request, LEDGER_TITLE, region, timezone.localdate(), selectors.LEDGER_HEADER,
                           [selectors.ledger_cells(r, places) for r in ratings],
                           action="supervision.ratings.ledger_exported")


# The appraisal's words for the same rule (appraisal.selectors.complaints_hidden_from).
HIDDEN_COMPLAINTS = "本机构的投诉由上级统计：本机构的被投诉件数不向本机构人员显示（显示为“—”）"

# --- figures per office ------------------------------------------------------------------------------------------


@staff_view(SUPERVISION_VIEW)
def offices(request):
    """The figures of each office of a region for a month: cases completed, ratings, average, share satisfied, poor
    ratings, complaints received, open and overdue now."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    year, month = today.year, today.month
    if request.GET.get("month"):
        bounds, refused = inputs.month_filter(request.GET["month"], today)
        if refused:
            messages.error(request, f"月份：{refused}已显示本月。")
        else:
            year, month = bounds[0].year, bounds[0].month
    rows, totals = selectors.office_figures(request.user, region, year, month, today)
    places = place_names((row["office"] for row in rows), below=region)
    for row in rows:
        row["place"] = places.get(row["office"], row["office"]) or region.name
    return render(request, "supervision/ratings/offices.html", {
        "region": region, "rows": rows, "totals": totals, "month": f"{year}-{month:02d}", "year": year,
        "month_number": month, "crumbs": scoping.breadcrumb(request.user, region),
        "hidden_complaints": HIDDEN_COMPLAINTS})


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
