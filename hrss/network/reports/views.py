"""The reports part's pages (url names prefixed "reports"): the reports of a region (a township's own, with the month
picker to generate one), a report's page (its figures grouped by area and part, remarks, history, versions and the
acts its state allows; ?format=xlsx its download; printable), the county's month (each township's report and the
approver's acts), and the completeness and timeliness table (?format=xlsx). Every page reaches data through
core.scoping (out of scope is 404); the acts call services.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from hrss.core import scoping
from hrss.core.forms import submit
from hrss.core.models import Level, Region
from hrss.core.pages import query_without_page, xlsx_download
from hrss.core.permissions import has_permission, staff_view
from hrss.network.models import MonthlyReport
from hrss.network.permissions import NETWORK_VIEW, REPORT_SUBMIT
from hrss.network.reports import rules, selectors, services
from hrss.network.reports.forms import GenerateForm, ReasonForm, RemarksForm

State = MonthlyReport.State


def _month(request, today):
    """(the month's first day, a refusal to show or "")."""
    try:
        return selectors.parse_month(request.GET.get("month", ""), today), ""
    except selectors.MonthRefused as refused:
        return selectors.parse_month("", today), str(refused)


def _can_generate(user, region):
    return (region.level == Level.TOWNSHIP and has_permission(user, REPORT_SUBMIT)
            and bool(set(user.role_list) & services.TOWNSHIP_ROLES))


@staff_view(NETWORK_VIEW)
def report_list(request):
    """月报: the reports of the region (?region=, the user's own by default), newest month first; ?state= and ?month=
    narrow it. A township's officer or reviewer picks a month to generate its report."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    reports = scoping.within_region(selectors.reports_visible_to(request.user), region)
    state = request.GET.get("state", "")
    if state in State.values:
        reports = reports.filter(state=state)
    month_value = request.GET.get("month", "")
    refused = ""
    if month_value:
        try:
            reports = reports.filter(month=selectors.parse_month(month_value, today))
        except selectors.MonthRefused as error:
            refused = str(error)
    page = Paginator(reports.order_by("-month", "region_code"), 50).get_page(request.GET.get("page"))
    names = dict(Region.objects.filter(code__in=[report.region_code for report in page]).values_list("code", "name"))
    rows = [(report, names.get(report.region_code, report.region_code)) for report in page]
    can_generate = _can_generate(request.user, region)
    last_month = selectors.parse_month("", today)
    return render(request, "network/reports/list.html", {
        "region": region, "rows": rows, "page": page, "query": query_without_page(request), "state": state,
        "states": State.choices, "month_value": month_value, "refused": refused,
        "crumbs": scoping.breadcrumb(request.user, region), "can_generate": can_generate,
        "generate_form": GenerateForm(initial={"month": f"{last_month:%Y-%m}"}) if can_generate else None,
        "deadline": rules.deadline_of(last_month), "last_month": last_month}, status=400 if refused else 200)


@staff_view(NETWORK_VIEW)
@require_POST
def generate(request):
    """生成 a township's report of a month (POST region, month); back to the list with the refusal, or to the
    report."""
    township = scoping.region_from_request(request)
    today = timezone.localdate()
    form = GenerateForm(request.POST)
    back = f"{reverse('network:reports-list')}?{urlencode({'region': township.code})}"
    if not form.is_valid():
        messages.error(request, "请选择要生成月报的月份。")
        return redirect(back)
    try:
        month = selectors.parse_month(form.cleaned_data["month"], today)
        report = services.generate_report(actor=request.user, township=township, month=month, today=today)
    except (selectors.MonthRefused, ValidationError) as refused:
        messages.error(request, " ".join(getattr(refused, "messages", [str(refused)])))
        return redirect(back)
    messages.success(request, f"已生成{services.month_label(month)}月报（第{report.version}版），请核对后上报。")
    return redirect("network:reports-detail", pk=report.pk)


def _report(request, pk):
    return scoping.get_visible_or_404(MonthlyReport.objects.select_related("approved_by", "submitted_by"),
                                      request.user, pk=pk)


def _township(report):
    return Region.objects.get(code=report.region_code)


@staff_view(NETWORK_VIEW)
def detail(request, pk):
    """A report: the figures of the version asked (?version=N, the current by default) grouped by area and part,
    the remarks, the history and the acts its state allows the user; ?format=xlsx downloads it."""
    report = _report(request, pk)
    if request.GET.get("format") == "xlsx":
        return _download(request, report, _version(request, report))
    return _detail(request, report)


def _version(request, report):
    number = request.GET.get("version", "")
    return get_object_or_404(report.versions.select_related("generated_by"),
                             number=int(number) if number.isdigit() and len(number) < 6 else report.version)


UNLOCK_NOTE = "解锁后乡镇(街道)可以重新生成并上报；解锁人、时间和理由记入操作记录和审计日志。"


def _detail(request, report, *, remarks_form=None, reason_forms=None, status=200):
    version = _version(request, report)
    acts = selectors.allowed_acts(request.user, report)
    deadline = rules.deadline_of(report.month)
    township = _township(report)
    reason_forms = reason_forms or {}
    remarks_form = remarks_form or RemarksForm(initial={"remarks": report.remarks})
    reasons = [("return", reason_forms.get("return") or ReasonForm(prefix="return"), "退回", ""),
               ("unlock", reason_forms.get("unlock") or ReasonForm(prefix="unlock"), "解锁", UNLOCK_NOTE)]
    refusals = [error for form in (remarks_form, *(form for _, form, _, _ in reasons)) for error in
                form.non_field_errors()]
    return render(request, "network/reports/detail.html", {
        "report": report, "township": township, "version": version, "groups": selectors.grouped_figures(version),
        "versions": report.versions.select_related("generated_by").order_by("-number"),
        "events": report.events.select_related("actor").order_by("-at", "-pk"), "acts": acts,
        "deadline": deadline, "late": selectors.is_late(report, deadline, timezone.localdate()),
        "locked_reason": services.locked_reason(report), "month_label": services.month_label(report.month),
        "remarks_form": remarks_form, "reason_forms": reasons, "refusals": refusals,
        "crumbs": scoping.breadcrumb(request.user, township)}, status=status)


def _download(request, report, version):
    township = _township(report)
    title = f"{township.name}{services.month_label(report.month)}月报（第{version.number}版，统计截至{version.as_of:%Y年%m月%d日}）"
    rows = [[row["area"], row["part"], row["label"], _cell(row["value"])] for row in version.figures]
    history = [[event.at.astimezone(timezone.get_current_timezone()).replace(tzinfo=None), event.get_action_display(),
                f"第{event.version}版", services.person_name(event.actor), event.reason] for event in
               report.events.select_related("actor").order_by("at", "pk")]
    sheets = [("月报", [title, f"状态：{report.get_state_display()}", f"说明：{version.remarks or report.remarks or '无'}"],
               [["业务领域", "项目", "统计项", "数值"], *rows]),
              ("操作记录", [title], [["时间", "操作", "版本", "操作人", "理由"], *history])]
    return xlsx_download(request, sheets, f"月报-{township.name}-{report.month:%Y%m}-第{version.number}版.xlsx",
                         action="network.reports.exported", target=report, region_code=report.region_code,
                         after={"report_month": services.month_label(report.month), "report_version": version.number})


def _cell(value):
    """A stored value for a spreadsheet: a number as it is, an amount (kept as text of yuan) as a Decimal."""
    from decimal import Decimal, InvalidOperation

    if isinstance(value, int | float):
        return value
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError):
        return str(value)


def _back(request, report):
    """Where an act returns: the page it was taken from (one of this part's pages), else the report's page."""
    target = request.POST.get("next", "")
    if target.startswith(reverse("network:reports-list")) and "//" not in target and "\\" not in target:
        return redirect(target)
    return redirect("network:reports-detail", pk=report.pk)


DONE = {"check": "已核对，可以上报。", "submit": "已上报，等待县(区)审核。", "approve": "已审核并锁定。",
        "generate": "已重新生成，请核对后上报；原版本保留在版本记录中。"}


@staff_view(NETWORK_VIEW)
@require_POST
def act(request, pk):
    """One act on a report (POST act=generate|remarks|check|submit|approve|return|unlock, with remarks or reason):
    the service decides; a refusal is shown with its reason."""
    report = _report(request, pk)
    name = request.POST.get("act", "")
    user, today = request.user, timezone.localdate()
    if name == "remarks":
        return submit(request, RemarksForm(request.POST),
                      lambda data: services.edit_remarks(actor=user, report=report, remarks=data["remarks"]),
                      success="已保存说明。", done=lambda _: _back(request, report),
                      redisplay=lambda form: _detail(request, report, remarks_form=form, status=400))
    if name in ("return", "unlock"):
        service = services.return_report if name == "return" else services.unlock_report
        success = "已退回乡镇(街道)。" if name == "return" else "已解锁：乡镇(街道)可以重新生成并上报，原版本保留。"
        return submit(request, ReasonForm(request.POST, prefix=name),
                      lambda data: service(actor=user, report=report, reason=data["reason"]),
                      success=success, done=lambda _: _back(request, report),
                      redisplay=lambda form: _detail(request, report, reason_forms={name: form}, status=400))
    calls = {
        "generate": lambda: services.generate_report(actor=user, township=_township(report), month=report.month,
                                                     today=today),
        "check": lambda: services.check_report(actor=user, report=report),
        "submit": lambda: services.submit_report(actor=user, report=report, today=today),
        "approve": lambda: services.approve_report(actor=user, report=report),
    }
    if name not in calls:
        return HttpResponseBadRequest("未知的操作。")
    try:
        calls[name]()
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, DONE[name])
    return _back(request, report)


@staff_view(NETWORK_VIEW)
def county(request):
    """县(区)月报审核: each township's report of the month (?region= a county, the user's own by default; a city
    lists its counties), its state and the approver's acts."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    month, refused = _month(request, today)
    rows = selectors.completeness(region, month)
    for row in rows:
        row.acts = selectors.allowed_acts(request.user, row.report) if row.report else set()
    return render(request, "network/reports/county.html", {
        "region": region, "month": month, "month_value": f"{month:%Y-%m}", "refused": refused, "rows": rows,
        "total": selectors.total(region, rows), "townships": region.level == Level.COUNTY,
        "deadline": rules.deadline_of(month), "crumbs": scoping.breadcrumb(request.user, region),
        "return_form": ReasonForm(prefix="return"), "unlock_form": ReasonForm(prefix="unlock"),
        "here": request.get_full_path()}, status=400 if refused else 200)


@staff_view(NETWORK_VIEW)
def completeness(request):
    """月报完整率与及时率 of the month (?region=, ?month=; ?format=xlsx): per county for the city, per township for a
    county, with the late and missing townships, as DHIS2's reporting rate summary."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    month, refused = _month(request, today)
    rows = selectors.completeness(region, month)
    total = selectors.total(region, rows)
    if request.GET.get("format") == "xlsx":
        return _completeness_download(request, region, month, rows, total)
    return render(request, "network/reports/completeness.html", {
        "region": region, "month": month, "month_value": f"{month:%Y-%m}", "refused": refused, "rows": rows,
        "total": total, "deadline": total.deadline, "crumbs": scoping.breadcrumb(request.user, region),
        "townships": region.level >= Level.COUNTY, "rule_days": rules.working_days_for(month)},
        status=400 if refused else 200)


def _percent(value):
    return "—" if value is None else value


def _completeness_download(request, region, month, rows, total):
    label = services.month_label(month)
    deadline = f"{total.deadline:%Y年%m月%d日}" if total.deadline else "待定（节假日安排未录入）"
    title = f"{region.name}{label}月报完整率与及时率（上报截止{deadline}）"
    header = ["区域", "应报", "已报", "按时上报", "完整率(%)", "及时率(%)"]
    lines = [[row.region.name, row.expected, row.submitted, row.on_time, _percent(row.completeness),
              _percent(row.timeliness)] for row in rows]
    lines.append(["合计", total.expected, total.submitted, total.on_time, _percent(total.completeness),
                  _percent(total.timeliness)])
    names = {township.code: township for township in total.late + total.missing}
    parents = dict(Region.objects.filter(code__in=[scoping.ancestor_code(code, Level.COUNTY) for code in names])
                   .values_list("code", "name"))
    listed = [[parents.get(scoping.ancestor_code(township.code, Level.COUNTY), ""), township.name,
               "逾期上报" if township in total.late else "未上报"] for township in [*total.late, *total.missing]]
    sheets = [("完整率与及时率", [title], [header, *lines]),
              ("逾期和未报", [title], [["县(区)", "乡镇(街道)", "情况"], *listed])]
    return xlsx_download(request, sheets, f"月报完整率及时率-{region.name}-{month:%Y%m}.xlsx",
                         action="network.reports.completeness_exported", target=region,
                         after={"report_month": label, "townships": total.expected})


urlpatterns = [
    path("reports/", report_list, name="reports-list"),
    path("reports/generate/", generate, name="reports-generate"),
    path("reports/county/", county, name="reports-county"),
    path("reports/completeness/", completeness, name="reports-completeness"),
    path("reports/<int:pk>/", detail, name="reports-detail"),
    path("reports/<int:pk>/act/", act, name="reports-act"),
]
