"""The targets part's API operations, each with its whole path under /api/v1/network/: the 五个100% of a region
and month (with each child region's), the people who missed one (ID numbers masked), and 重新计算."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Text
from hrss.core.id_numbers import mask
from hrss.core.permissions import check_permission
from hrss.network.permissions import NETWORK_VIEW
from hrss.network.targets import config, selectors, services

router = Router(tags=["平台建设与考核"])


class TargetsFilter(Schema):
    region: Text(12) = ""
    month: Text(7) = ""


class TargetFigureOut(Schema):
    code: str
    number: int
    title: str
    numerator: int | None
    denominator: int | None
    rate: float | None
    measured: bool
    why_not: str
    definition: str


class TargetChildOut(Schema):
    region_code: str
    name: str
    targets: list[TargetFigureOut]


class TargetsOut(Schema):
    region_code: str
    month: str
    computed_at: datetime.datetime | None
    as_of: datetime.date | None
    targets: list[TargetFigureOut]
    children: list[TargetChildOut]


class MissedFilter(Schema):
    region: Text(12) = ""
    month: Text(7) = ""
    target: Text(40)
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class MissedOut(Schema):
    person_id: int
    name: str
    id_number_masked: str
    region_code: str
    what: str


class MissedPage(Schema):
    target: str
    month: str
    total: int
    items: list[MissedOut]


class RecomputeIn(Schema):
    region_code: Text(12)
    month: Text(7)


class RecomputeOut(Schema):
    month: str
    queued: bool


def _region(request, code):
    if code:
        return scoping.get_region_or_404(request.user, code)
    scope = scoping.scope_of(request.user)
    if scope.is_empty:
        raise HttpError(403, "您的账号没有管辖范围。")
    return scope.region


def _month(text, today):
    try:
        return selectors.parse_month(text, today)
    except selectors.MonthRefused as refused:
        raise HttpError(422, str(refused)) from None


def _figures(shown):
    return [{"code": figure.code, "number": figure.number, "title": figure.title, "numerator": figure.numerator,
             "denominator": figure.denominator, "rate": figure.rate, "measured": figure.measured,
             "why_not": figure.why_not, "definition": figure.definition} for figure in shown]


@router.get("/network/targets", response=TargetsOut,
            summary="五个100%：某区域某月各目标的达标人数、应统计人数、完成率（未统计的目标 measured=false，"
                    "无应统计对象时 rate=null），及各下级区域的")
def targets_of_region(request, filters: Query[TargetsFilter]):
    check_permission(request.user, NETWORK_VIEW)
    today = timezone.localdate()
    region = _region(request, filters.region)
    month = _month(filters.month, today)
    shown = selectors.figures(region, month, today=today)
    computed_at, as_of = selectors.computed_at(shown)
    return {"region_code": region.code, "month": f"{month:%Y-%m}", "computed_at": computed_at, "as_of": as_of,
            "targets": _figures(shown),
            "children": [{"region_code": child.code,
                          "name": child.name, "targets": _figures(figures)}
                         for child, figures in selectors.children_figures(request.user, region, month, today=today)]}


@router.get("/network/targets/missed", response=MissedPage,
            summary="五个100%：某区域某月未达到某目标的人员（公民身份号码已遮蔽）")
def missed_people(request, filters: Query[MissedFilter]):
    check_permission(request.user, NETWORK_VIEW)
    today = timezone.localdate()
    region = _region(request, filters.region)
    month = _month(filters.month, today)
    target = config.target(filters.target)
    if target is None or not target.in_force_on(month):
        raise HttpError(404, "没有该目标。")
    people = selectors.missed_people(region, month, target.code, today=today)
    if people is None:
        raise HttpError(409, "该目标未统计：没有业务领域按此目标统计，无法列出人员。")
    return {"target": target.code, "month": f"{month:%Y-%m}", "total": len(people),
            "items": [{"person_id": row.person_id, "name": row.name, "id_number_masked": mask(row.id_number),
                       "region_code": row.region_code, "what": row.what}
                      for row in people[filters.offset: filters.offset + filters.limit]]}


@router.post("/network/targets/recompute", response={202: RecomputeOut},
             summary="重新计算某月的五个100%统计（各级区域一并计算，后台任务）")
def recompute(request, body: RecomputeIn):
    check_permission(request.user, services.RECOMPUTE)
    today = timezone.localdate()
    region = scoping.get_region_or_404(request.user, body.region_code)
    try:
        month = selectors.month_of(body.month)
    except ValueError:
        raise HttpError(422, "月份无法识别：请按“2026-05”的格式填写。") from None
    try:
        month = services.recompute(actor=request.user, region=region, month=month, today=today)
    except ValidationError as error:
        raise HttpError(422, "；".join(error.messages)) from None
    return Status(202, {"month": f"{month:%Y-%m}", "queued": True})
