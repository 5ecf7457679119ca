"""应用与联网's API operation, with its whole path under /api/v1/network/: the figures of a region's offices, as
the page shows them (reads only; a region outside the caller's scope is 404)."""

import datetime

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema

from hrss.core import scoping
from hrss.core.api_fields import Text
from hrss.core.permissions import check_permission
from hrss.network.activity.views import figures
from hrss.network.permissions import NETWORK_VIEW

router = Router(tags=["平台建设与考核"])


class ActivityRegionFilter(Schema):
    region: Text(12) = ""  # the caller's own region when empty


class ActivityOfficeOut(Schema):
    region_code: str
    office_name: str
    last_activity: datetime.datetime | None  # null: never used
    entries_this_month: int
    cases_this_month: int
    inactive: bool  # no activity in the last `inactive_days` days


class ActivityChildOut(Schema):
    region_code: str
    region_name: str
    offices: int
    active: int
    inactive: int
    entries_this_month: int
    cases_this_month: int
    last_activity: datetime.datetime | None


class MonthOut(Schema):
    month: str  # YYYY-MM
    entries: int
    cases: int


class OfficeActivityOut(Schema):
    region_code: str
    region_name: str
    inactive_days: int
    recent_since: datetime.date  # the first day that still counts as recent
    refreshed_at: datetime.datetime | None
    counted: bool  # false: never counted yet (尚未统计): a null last_activity then does not mean never used
    offices: list[ActivityOfficeOut]
    children: list[ActivityChildOut]
    months: list[MonthOut]


def region_of(request, code):
    check_permission(request.user, NETWORK_VIEW)
    if code:
        return scoping.get_region_or_404(request.user, code)
    if scoping.scope_of(request.user).is_empty:
        raise Http404
    return scoping.scope_of(request.user).region


@router.get("/network/activity", response=OfficeActivityOut,
            summary="应用与联网：一个区域（region=区划代码，默认本人所属区域）各服务机构的最近操作时间、本月操作次数与办理对象数、"
                    "规定天数内无操作的服务机构、下一级区域的汇总和近12个月")
def activity(request, filters: Query[ActivityRegionFilter]):
    region = region_of(request, filters.region)
    data = figures(request.user, region, timezone.localdate())
    return {
        "region_code": region.code, "region_name": region.name, "inactive_days": data["days"],
        "recent_since": data["since"], "refreshed_at": data["refreshed_at"],
        "counted": data["counted"],
        "offices": [{"region_code": row.region.code, "office_name": row.region.office_name, "last_activity": row.last_at,
                     "entries_this_month": row.entries, "cases_this_month": row.cases, "inactive": row.inactive}
                    for row in data["offices"]],
        "children": [{"region_code": row.region.code, "region_name": row.region.name, "offices": row.offices,
                      "active": row.active, "inactive": row.inactive, "entries_this_month": row.entries,
                      "cases_this_month": row.cases, "last_activity": row.last_at} for row in data["children"]],
        "months": [{"month": f"{month:%Y-%m}", "entries": entries, "cases": cases}
                   for month, entries, cases in data["months"]],
    }
