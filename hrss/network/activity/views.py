"""应用与联网's pages (url names prefixed "activity"): a region's offices with their use of the platform (the regions
just below with their counts, drilling down city → county → township → each office), the months, the offices
without activity in the rule's days, and the .xlsx of the same. Reads only: figures from OfficeActivity
(selectors.py); a region outside the user's scope is 404 (core.scoping)."""

from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from hrss.core import ratelimit, scoping
from hrss.core.models import Level
from hrss.core.pages import xlsx_download
from hrss.core.permissions import staff_view
from hrss.core.selectors import place_names
from hrss.network.activity import refresh, rules, selectors
from hrss.network.permissions import NETWORK_VIEW


def figures(user, region, today):
    """What the page, the .xlsx and the API show of a region (after asking for a refresh if the log has grown)."""
    refresh.request_refresh()
    offices = selectors.office_rows(user, region, today)
    days, since = selectors.cutoff(today)
    refreshed_at, stale = refresh.state()
    counted = refreshed_at is not None  # before the first count nobody is "never used": 尚未统计, not 0%
    return {"region": region, "offices": offices, "children": selectors.child_rows(user, region, offices),
            "counted": counted, "inactive": [row for row in offices if row.inactive] if counted else [], "months": selectors.months(region, today),
            "summary": selectors.summary(offices), "days": days, "since": since, "today": today,
            "refreshed_at": refreshed_at, "stale": stale}


@staff_view(NETWORK_VIEW)
def overview(request):
    """应用与联网 of a region (?region=CODE, the user's own by default)."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    context = figures(request.user, region, today)
    return render(request, "network/activity/overview.html", {
        **context, "crumbs": scoping.breadcrumb(request.user, region), "source": rules.SOURCE,
        "places": place_names([row.region.code for row in context["inactive"]], below=region),
        "township": Level.TOWNSHIP, "list_offices": region.level >= Level.TOWNSHIP,
        "chart_labels": [f"{month:%Y-%m}" for month, _, _ in context["months"]],
        "chart_entries": [entries for _, entries, _ in context["months"]],
        "chart_cases": [cases for _, _, cases in context["months"]]})


HEADER = ["所在区域", "服务机构", "最近操作时间", "本月操作次数", "本月办理对象数"]


@staff_view(NETWORK_VIEW)
@ratelimit.per_user("export")
def export(request):
    """The region's offices (each with its last activity, this month's figures and whether it is listed) and its
    months, as .xlsx (audited)."""
    region = scoping.region_from_request(request)
    today = timezone.localdate()
    context = figures(request.user, region, today)
    places = place_names([row.region.code for row in context["offices"]], below=region)
    days = context["days"]
    title = f"应用与联网（{region.name}，截至{today:%Y年%m月%d日}；{days}天内无任何操作的列为未使用）"
    counted = context["counted"]
    offices = [[places.get(row.region.code, row.region.code), row.region.office_name,
                row.last_at if counted else "尚未统计", row.entries, row.cases,
                ("是" if row.inactive else "否") if counted else "尚未统计"] for row in context["offices"]]
    months = [[f"{month:%Y-%m}", entries, cases] for month, entries, cases in context["months"]]
    sheets = [("服务机构", [title], [[*HEADER, f"{days}天内无操作"], *offices]),
              ("月度", [title], [["月份", "操作次数", "办理对象数"], *months])]
    return xlsx_download(request, sheets, f"应用与联网-{region.name}-{today:%Y%m%d}.xlsx",
                         action="network.activity.exported", target=region, after={"rows": len(offices)})


urlpatterns = [
    path("activity/", overview, name="activity"),
    path("activity/export/", export, name="activity-export"),
]
