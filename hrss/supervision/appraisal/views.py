"""The appraisal part's pages (考核; url names prefixed "appraisal"): the offices of a region for a month (the
region's own and each just below it, drilling down county → township → village), the staff of one office, the
cases behind a figure, and the .xlsx of a region's offices and their staff. Reads only: the figures are
selectors.py's; a page is reached through core.scoping (a region outside the user's scope is 404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from hrss.core import ratelimit, review, scoping, workdays
from hrss.core.models import Level
from hrss.core.pages import xlsx_download
from hrss.core.permissions import staff_view
from hrss.supervision.appraisal import rules, selectors, services
from hrss.supervision.permissions import APPRAISAL_VIEW


def _month(request, today):
    """(the month's first day, a refusal to show or "")."""
    try:
        return selectors.parse_month(request.GET.get("month", ""), today), ""
    except selectors.MonthRefused as refused:
        return selectors.parse_month("", today), str(refused)


HIDDEN_COMPLAINTS = "本机构的投诉由上级统计：本机构及其工作人员的被投诉件数不向本机构人员显示（显示为“—”）"
HIDDEN_SCORE = "本机构的考核得分含投诉核实结果，由上级查看"


def _common(request, region, month, refused):
    return {"region": region, "month": month, "lock": selectors.lock_of(region, month), "month_value": selectors.month_text(month), "refused": refused,
            "crumbs": scoping.breadcrumb(request.user, region), "weights": rules.weights_for(month),
            "weights_source": rules.SOURCE, "hidden_complaints": HIDDEN_COMPLAINTS, "hidden_score": HIDDEN_SCORE, "satisfied_from": rules.SATISFIED_FROM, "no_data": selectors.NO_DATA,
            "keep": [("region", region.code)]}


def _render(request, template, context, refused):
    return render(request, template, context, status=400 if refused else 200)


def _this_month_hint(request, rows, today):
    """The current month ("YYYY-MM") to offer when the page shows the default month (the previous one) and it has
    nothing at all (e.g. early in the system's use), else ""."""
    if request.GET.get("month") or any(not selectors.is_empty(row.figures) for row in rows):
        return ""
    return selectors.month_text(today.replace(day=1))


@staff_view(APPRAISAL_VIEW)
def offices(request):
    """考核: each office of the region (its own and those just below) for the month; a name opens the offices below
    it, 人员 the office's staff, a number the cases behind it."""
    region = scoping.region_from_request(request)
    month, refused = _month(request, timezone.localdate())
    today = timezone.localdate()
    can_lock = (not refused and set(request.user.role_list) & services.LOCKERS
                and services.lock_problems(region=region, month=month, today=today) is None)
    rows = selectors.office_rows(request.user, region, month)
    return _render(request, "supervision/appraisal/offices.html", {
        **_common(request, region, month, refused), "rows": rows, "this_month": _this_month_hint(request, rows, today),
        "village": Level.VILLAGE, "can_lock": can_lock}, refused)


@staff_view(APPRAISAL_VIEW)
@require_http_methods(["GET", "POST"])
def lock(request):
    """锁定 the county's month (?region= the county, month=YYYY-MM in the form); a GET (an address typed or kept)
    goes back to the appraisal page of that region and month."""
    region = scoping.region_from_request(request)
    if request.method != "POST":
        return _back(region, request.GET.get("month", "")[:7])
    today = timezone.localdate()
    try:
        month = selectors.parse_month(request.POST.get("month", ""), today)
    except selectors.MonthRefused:  # the page of that month says why, once
        return _back(region, request.POST.get("month", "")[:7])
    try:
        services.lock_month(actor=request.user, region=region, month=month, today=today)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return _back(region, selectors.month_text(month))
    messages.success(request, f"已锁定{region.name}{month:%Y年%m月}的考核结果：此后对案件记录的更正不再改变该月的考核。")
    return _back(region, selectors.month_text(month))


def _back(region, month_value):
    return redirect(f"{reverse('supervision:appraisal')}?{urlencode({'region': region.code, 'month': month_value})}")


@staff_view(APPRAISAL_VIEW)
def staff(request):
    """考核 of the staff of one office (?region=CODE, the user's own by default) for the month."""
    office = scoping.region_from_request(request)
    today = timezone.localdate()
    month, refused = _month(request, today)
    rows = selectors.staff_rows(office, month, viewer=request.user)
    return _render(request, "supervision/appraisal/staff.html", {
        **_common(request, office, month, refused), "rows": rows, "this_month": _this_month_hint(request, rows, today)},
        refused)


@staff_view(APPRAISAL_VIEW)
def cases(request):
    """The work behind an office's (?region=) or a staff member's (&user=ID) 办理件数, or only the late (&late=1)."""
    office = scoping.region_from_request(request)
    month, refused = _month(request, timezone.localdate())
    person = None
    if request.GET.get("user", "").isdigit():  # one of the office's staff (one who has moved away since included)
        wanted = int(request.GET["user"])
        person = next((user for user in selectors.staff_of(office, month) if user.pk == wanted), None)
        if person is None:
            raise Http404
    late_only = request.GET.get("late") == "1"
    items, found = selectors.cases_behind(month, office=office, user=person, late_only=late_only,
                                          viewer=request.user)
    chains = {chain.case_type: chain for chain in review.registered_chains()}
    places = dict(scoping.regions_visible_to(request.user).filter(code__in={item.office_code for item in items})
                  .values_list("code", "name"))
    rows = []
    for item in items:
        case = found.get(item.case_id)
        chain = chains.get(case.case_type) if case else None
        step = next((step.label for step in chain.steps if step.key == item.step), item.step) if chain else item.step
        rows.append({"item": item, "case": case, "what": chain.label if chain else selectors.SOURCES[item.source],
                     "step": step, "title": case.title if case else item.title,
                     "place": places.get(item.office_code, "")})
    return _render(request, "supervision/appraisal/cases.html", {
        **_common(request, office, month, refused), "rows": rows, "person": person, "late_only": late_only,
        "own_office": selectors.complaints_hidden_from(request.user, office.code),
        "keep": [("region", office.code), *([("user", person.pk)] if person else []),
                 *([("late", "1")] if late_only else [])]}, refused)


@staff_view(APPRAISAL_VIEW)
@ratelimit.per_user("export")
def export(request):
    """The .xlsx of the month: the offices of the region (its own and those just below) and the staff of each."""
    region = scoping.region_from_request(request)
    month, refused = _month(request, timezone.localdate())
    if refused:
        return _render(request, "supervision/appraisal/offices.html", {
            **_common(request, region, month, refused),
            "rows": selectors.office_rows(request.user, region, month), "village": Level.VILLAGE}, refused)
    calendar = workdays.Calendar.load()
    rows = selectors.office_rows(request.user, region, month, calendar)
    title = f"考核（{region.name}，{month:%Y年%m月}）"
    office_sheet = [[row.region.office_name + ("（本级）" if row.own else ""), row.region.code,
                     *selectors.cells(row.figures, hide_complaints=row.complaints_hidden)] for row in rows]
    staff_sheet = [[row.region.office_name, str(person.user),
                    *selectors.cells(person.figures, hide_complaints=person.complaints_hidden)]
                   for row in rows for person in selectors.staff_rows(row.region, month, calendar, viewer=request.user)]
    weights = rules.weights_for(month)
    sheets = [
        ("各服务机构", [title], [["服务机构", "区划代码", *selectors.HEADER], *office_sheet]),
        ("工作人员", [title], [["服务机构", "姓名", *selectors.HEADER], *staff_sheet]),
        ("说明", ["项目", "内容"], [
            ["月份", selectors.month_text(month)],
            ["权重", f"工作效率（按时率）{weights.efficiency}%，工作质量（满意率）{weights.quality}%，"
                     f"工作量（对比同级中位数）{weights.workload}%；每件查实或部分查实的投诉扣 "
                     f"{weights.per_upheld_complaint} 分（计入收到投诉的月份）"],
            ["有时限的", "办理件数中有办理时限的件数；按时 + 逾期 = 有时限的，按时率 = 按时 ÷ 有时限的"],
            ["依据", rules.SOURCE],
            ["无数据", "当月既没有办理事项也没有评价的，不计得分；没有办理事项但有评价的，只按满意率计分"],
            ["—", f"{HIDDEN_COMPLAINTS}；{HIDDEN_SCORE}（得分显示为“—”）"]]),
    ]
    return xlsx_download(request, sheets, f"考核-{region.name}-{month:%Y%m}.xlsx", action="supervision.appraisal.exported",
                         target=region, region_code=region.code,
                         after={"appraisal_month": selectors.month_text(month), "rows": len(office_sheet)})


urlpatterns = [
    path("appraisal/", offices, name="appraisal"),
    path("appraisal/staff/", staff, name="appraisal-staff"),
    path("appraisal/cases/", cases, name="appraisal-cases"),
    path("appraisal/export/", export, name="appraisal-export"),
    path("appraisal/lock/", lock, name="appraisal-lock"),
]
