"""平台总览's API operation, with its whole path under /api/v1/network/: a region's figures for a month as the page
shows them (reads only; a region outside the caller's scope is 404)."""

from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from hrss.core.api_fields import Text
from hrss.network.activity.api import region_of
from hrss.network.dashboard.views import figures
from hrss.network.reports import selectors as reports

router = Router(tags=["平台建设与考核"])


class DashboardFilter(Schema):
    region: Text(12) = ""  # the caller's own region when empty
    month: Text(7) = ""  # YYYY-MM; the previous month when empty


class TargetOut(Schema):
    code: str
    title: str
    measured: bool  # false: 未统计 (no area measures it), never 0% or 100%
    numerator: int | None
    denominator: int | None
    rate: float | None  # percent; null when not measured or nobody is counted
    text: str  # as the page shows it: "87.5%", 未统计, 无应统计对象


class ReportsOut(Schema):
    expected: int
    submitted: int
    on_time: int
    completeness: float | None
    timeliness: float | None


class RegionFiguresOut(Schema):
    region_code: str
    region_name: str
    own_office: bool  # true: the township's own 服务所 (本级, no 五个100% of its own), beside its villages
    offices: int
    offices_recorded: int
    offices_all_ok: int
    offices_failing: int
    offices_unknown: int
    acceptance: dict[str, int]  # none, requested, accepted, refused -> offices
    targets: list[TargetOut]
    reports: ReportsOut | None  # null below a township
    activity_counted: bool  # false: the activity has never been counted yet (尚未统计): active/inactive mean nothing
    offices_active: int
    offices_inactive: int  # no activity in `inactive_days`


class TrendOut(Schema):
    month: str
    targets: list[TargetOut]
    reports: ReportsOut | None  # null: no report of the region's townships generated yet by that month (尚无月报)


class DashboardOut(Schema):
    region_code: str
    region_name: str
    month: str
    inactive_days: int
    total: RegionFiguresOut
    children: list[RegionFiguresOut]
    trend: list[TrendOut]


def _targets(figures_):
    return [{"code": f.code, "title": f.title, "measured": f.measured, "numerator": f.numerator,
             "denominator": f.denominator, "rate": f.rate, "text": f.rate_text} for f in figures_]


def _reports(row):
    if row is None:
        return None
    return {"expected": row.expected, "submitted": row.submitted, "on_time": row.on_time,
            "completeness": None if row.completeness is None else float(row.completeness),
            "timeliness": None if row.timeliness is None else float(row.timeliness)}


def _row(row):
    return {"region_code": row.region.code, "region_name": row.label, "own_office": row.own,
            "offices": row.standards["offices"],
            "offices_recorded": row.standards["recorded"], "offices_all_ok": row.standards["all_ok"],
            "offices_failing": row.standards["failing"], "offices_unknown": row.standards["unknown"],
            "acceptance": dict(row.acceptance_cells), "targets": _targets(row.targets), "reports": _reports(row.reports),
            "activity_counted": row.activity["counted"], "offices_active": row.activity["active"], "offices_inactive": row.activity["inactive"]}


@router.get("/network/dashboard", response=DashboardOut,
            summary="平台总览：一个区域（region=区划代码，默认本人所属区域）某月（month=YYYY-MM，默认上月）及其下一级各区域的"
                    "八统一达标、验收、五个100%、月报完整率与及时率、应用与联网，及近12个月的趋势")
def dashboard(request, filters: Query[DashboardFilter]):
    region = region_of(request, filters.region)
    today = timezone.localdate()
    try:
        month = reports.parse_month(filters.month, today)
    except reports.MonthRefused as refused:
        raise HttpError(422, str(refused)) from None
    data = figures(request.user, region, month, today)
    reports_by_month = dict(data["report_trend"])
    return {"region_code": region.code, "region_name": region.name, "month": f"{month:%Y-%m}",
            "inactive_days": data["inactive_days"], "total": _row(data["total"]),
            "children": [_row(row) for row in data["children"]],
            "trend": [{"month": f"{first:%Y-%m}", "targets": _targets(month_figures),
                       "reports": _reports(reports_by_month.get(first))}
                      for first, month_figures in data["target_trend"]]}


