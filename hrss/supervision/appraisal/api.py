"""The appraisal part's API operations, each with its whole path under /api/v1/supervision/: the offices of a
region for a month (its own and those just below it), and the staff of one office. Reads only (selectors.py)."""

from decimal import Decimal

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from hrss.core import scoping
from hrss.core.api_fields import Text
from hrss.core.permissions import check_permission
from hrss.supervision.appraisal import selectors
from hrss.supervision.permissions import APPRAISAL_VIEW

router = Router(tags=["信访监察与服务监督"])


class MonthFilter(Schema):
    month: Text(7) = ""  # YYYY-MM; the previous month when empty
    region: Text(12) = ""  # the user's own region when empty


class AppraisalFiguresOut(Schema):
    month: str
    handled: int
    with_deadline: int
    on_time: int
    late: int
    on_time_percent: Decimal | None
    ratings: int
    average_rating: Decimal | None
    satisfied_percent: Decimal | None
    complaints: int | None  # null for the caller's own office and its staff: counted by the offices above
    score: Decimal | None  # null: 无数据 (nothing handled in the month), or the caller's own office and its staff


class OfficeOut(AppraisalFiguresOut):
    region_code: str
    region_name: str
    office_name: str
    own: bool  # the asked region's own office (本级), not one below it


class StaffOut(AppraisalFiguresOut):
    user_id: int
    username: str
    name: str
    region_code: str


# The caller's own office and its staff: the complaints, and the score an upheld complaint lowers, are the offices
# above's to see.
HIDDEN = {"complaints": None, "score": None}


def _figures(month, figures):
    return {"month": selectors.month_text(month), "handled": figures.handled, "with_deadline": figures.measured,
            "on_time": figures.on_time, "late": figures.late, "on_time_percent": figures.on_time_percent,
            "ratings": figures.ratings, "average_rating": figures.average,
            "satisfied_percent": figures.satisfied_percent, "complaints": figures.complaints, "score": figures.score}


def _asked(request, filters):
    check_permission(request.user, APPRAISAL_VIEW)
    if filters.region:
        region = scoping.get_region_or_404(request.user, filters.region)
    elif scoping.scope_of(request.user).is_empty:
        raise Http404
    else:
        region = scoping.scope_of(request.user).region
    try:
        month = selectors.parse_month(filters.month, timezone.localdate())
    except selectors.MonthRefused as refused:
        raise HttpError(422, str(refused)) from None
    return region, month


@router.get("/supervision/appraisal", response=list[OfficeOut],
            summary="考核：一个区域本级及其下一级各服务机构某月的办理件数、按时、评价、投诉与得分（month=YYYY-MM，默认上月）")
def offices(request, filters: Query[MonthFilter]):
    region, month = _asked(request, filters)
    return [{"region_code": row.region.code, "region_name": row.region.name, "office_name": row.region.office_name,
             "own": row.own, **_figures(month, row.figures), **(HIDDEN if row.complaints_hidden else {})}
            for row in selectors.office_rows(request.user, region, month)]


@router.get("/supervision/appraisal/staff", response=list[StaffOut],
            summary="考核：一个服务机构（region=区划代码）每名工作人员某月的办理件数、按时、评价、投诉与得分")
def staff(request, filters: Query[MonthFilter]):
    office, month = _asked(request, filters)
    return [{"user_id": row.user.pk, "username": row.user.username, "name": str(row.user),
             "region_code": row.user.region.code if row.user.region_id else "", **_figures(month, row.figures),
             **(HIDDEN if row.complaints_hidden else {})}
            for row in selectors.staff_rows(office, month, viewer=request.user)]
