"""平台总览's pages (url names prefixed "dashboard"): a region's figures of every part, its children's on a map (the
city's counties; township boundaries are not available, so a county's townships and a township's villages are a
coloured bar chart) and in tables beside each chart, the trends per month, and the .xlsx of the same. Reads only,
from the parts' precomputed figures (selectors.py); a region outside the user's scope is 404 (core.scoping)."""

from django.shortcuts import render
from django.templatetags.static import static
from django.urls import path
from django.utils import timezone

from hrss.core import ratelimit, scoping, workdays
from hrss.core.models import Level
from hrss.core.pages import xlsx_download
from hrss.core.permissions import staff_view
from hrss.network.activity import selectors as activity
from hrss.network.dashboard import selectors
from hrss.network.permissions import NETWORK_VIEW
from hrss.network.reports import selectors as reports

GEO = "network/geo/441600_wgs84.json"  # the project's own copy (README beside it): 河源市's six counties
GEO_REGION = "441600000000"
NO_TOWNSHIP_BOUNDARIES = ("乡镇（街道）边界没有可用的免费数据来源，地图只到县（区）：下级乡镇（街道）、村（社区）以柱状图和表格显示，"
                          "颜色含义与地图相同。")


def month_of(request, today):
    """(the month's first day, a refusal to show or "") from ?month=YYYY-MM (the previous month by default)."""
    try:
        return reports.parse_month(request.GET.get("month", ""), today), ""
    except reports.MonthRefused as refused:
        return reports.parse_month("", today), str(refused)


def figures(user, region, month, today, metric_key=""):
    """Everything the page, the .xlsx and the API show of a region and month."""
    calendar = workdays.Calendar.load()
    metric, available = selectors.metric_of(metric_key, month)
    children, total = selectors.rows(user, region, month, today, calendar=calendar)
    shown = children or [total]
    first_report = selectors.first_report_month(region)
    reports_started = first_report is not None and month >= first_report  # before: 尚无月报, never 0%
    values = [None if metric.key == "reports" and not reports_started else metric.value(row) for row in shown]
    return {
        "region": region, "month": month, "today": today, "children": children, "total": total,
        "metric": metric, "metrics": available, "reports_started": reports_started, "values": values, "colours": [selectors.colour(v) for v in values],
        "target_trend": selectors.target_trend(region, month, today),
        "report_trend": selectors.report_trend(region, month, calendar=calendar),
        "milestones": selectors.milestones(user, region, today),
        "states": selectors.acceptance.STATES, "inactive_days": activity.cutoff(today)[0],
    }


@staff_view(NETWORK_VIEW)
def overview(request):
    """平台总览 of a region (?region=CODE, the user's own by default) for a month (?month=YYYY-MM) coloured by a
    metric (?metric=)."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    month, refused = month_of(request, today)
    data = figures(request.user, region, month, today, request.GET.get("metric", ""))
    shown = data["children"] or [data["total"]]
    target_months = data["target_trend"]
    return render(request, "network/dashboard/overview.html", {
        **data, "refused": refused, "crumbs": scoping.breadcrumb(request.user, region),
        "month_value": f"{month:%Y-%m}", "level": region.level, "county": Level.COUNTY, "township": Level.TOWNSHIP,
        "map": region.code == GEO_REGION and bool(data["children"]), "geo": static(GEO),
        "no_township_boundaries": NO_TOWNSHIP_BOUNDARIES,
        "chart": {"names": [row.label for row in shown], "links": [row.links["dashboard"] for row in shown],
                  "values": ["" if value is None else value for value in data["values"]]},
        "metric_rows": list(zip(shown, data["values"], data["colours"], strict=True)),
        "target_chart": {
            "labels": [f"{first:%Y-%m}" for first, _ in target_months],
            "series": [(figure.short or figure.title, ["" if row[index].rate is None else row[index].rate
                                                        for _, row in target_months])
                       for index, figure in enumerate(target_months[-1][1] if target_months else [])]},
        "report_chart": {
            "labels": [f"{first:%Y-%m}" for first, _ in data["report_trend"]],
            "completeness": ["" if row is None or row.completeness is None else row.completeness
                             for _, row in data["report_trend"]],
            "timeliness": ["" if row is None or row.timeliness is None else row.timeliness
                           for _, row in data["report_trend"]]},
        "shown_states": [(key, selectors.acceptance.STATES[key]) for key in selectors.SHOWN_STATES],
    }, status=400 if refused else 200)


def sheets_of(data):
    """The page's tables as .xlsx sheets: one a section, the children's rows and the region's total."""
    region, month = data["region"], data["month"]
    title = [f"平台总览（{region.name}，{month:%Y年%m月}）"]
    rows = [*data["children"], data["total"]]

    def name(row):
        return "合计" if row is data["total"] else row.label

    standards = [["区域", "服务机构", "已建档", "全部达标", "有未达标项", "未知", "达标率（%）"]] + [
        [name(r), r.standards["offices"], r.standards["recorded"], r.standards["all_ok"], r.standards["failing"],
         r.standards["unknown"], r.standards_percent] for r in rows]
    states = data["states"]
    accepted = [["区域", *states.values()]] + [[name(r), *(r.acceptance[key] for key in states)] for r in rows]
    figures = rows[-1].targets
    target_rows = [["区域", *(f"{f.short or f.title}" for f in figures)]] + [
        [name(r), *((f.rate if f.rate is not None else f.rate_text for f in r.targets) if not r.own else
                    ["—"] * len(figures))] for r in rows]
    report_rows = [["区域", "应报", "已报", "按时", "完整率（%）", "及时率（%）"]] + [
        [name(r), r.reports.expected, r.reports.submitted, r.reports.on_time,
         r.reports.completeness, r.reports.timeliness] for r in rows if r.reports is not None]
    active = [["区域", "服务机构", f"{data['inactive_days']}天内有操作", "未使用", "使用率（%）"]] + [
        [name(r), r.activity["offices"], *((r.activity["active"], r.activity["inactive"], r.activity_percent)
                                           if r.activity["counted"] else ["尚未统计"] * 3)] for r in rows]
    trend = [["月份", *(f.short or f.title for f in figures)]] + [
        [f"{first:%Y-%m}", *(f.rate if f.rate is not None else f.rate_text for f in month_figures)]
        for first, month_figures in data["target_trend"]]
    report_trend = [["月份", "应报", "已报", "按时", "完整率（%）", "及时率（%）"]] + [
        [f"{first:%Y-%m}", r.expected, r.submitted, r.on_time, r.completeness, r.timeliness] if r is not None else
        [f"{first:%Y-%m}", "尚无月报", "—", "—", "—", "—"] for first, r in data["report_trend"]]
    return [(sheet, title, table) for sheet, table in (
        ("八统一达标", standards), ("验收", accepted), ("五个100%", target_rows), ("月报", report_rows),
        ("应用与联网", active), ("五个100%趋势", trend), ("月报趋势", report_trend))]


@staff_view(NETWORK_VIEW)
@ratelimit.per_user("export")
def export(request):
    """The page's tables as .xlsx (audited)."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    month, _ = month_of(request, today)
    data = figures(request.user, region, month, today)
    return xlsx_download(request, sheets_of(data), f"平台总览-{region.name}-{month:%Y%m}.xlsx",
                         action="network.dashboard.exported", target=region, after={"month": f"{month:%Y-%m}"})


urlpatterns = [
    path("dashboard/", overview, name="dashboard"),
    path("dashboard/export/", export, name="dashboard-export"),
]
