"""The promises part's API operations, each with its whole path under /api/v1/supervision/: the service catalogue
(the same for every caller: it holds no region's data), the 一次性告知 ledger and giving a slip, the promise
figures of a region's month, and the open cases overdue or nearly due."""

import datetime

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import MAX_OFFSET, MAX_PAGE, Text
from hrss.core.permissions import check_permission
from hrss.supervision import inputs
from hrss.supervision.models import NoticeSlip
from hrss.supervision.permissions import SUPERVISION_HANDLE, SUPERVISION_VIEW
from hrss.supervision.promises import selectors, services

router = Router(tags=["信访监察与服务监督"])


class DocumentOut(Schema):
    name: str
    note: str
    copies: int
    original_shown: bool


class ServiceOut(Schema):
    code: str
    name: str
    area: str
    who: str
    documents: list[DocumentOut]
    promised_days: int | None
    working_days: bool
    promise: str
    case_type: str
    legal_basis: str
    where: str
    fee: str


class ServicesOut(Schema):
    on: datetime.date
    items: list[ServiceOut]


class SlipFilter(Schema):
    region: Text(12) = ""
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class SlipIn(Schema):
    region_code: Text(12)
    service_code: Text(64)
    citizen_name: Text(50)
    id_number: Text(18) = ""
    missing: list[Text(100)] = Field(default_factory=list, max_length=50)
    other: Text(100) = ""


class SlipOut(Schema):
    id: int
    number: str
    region_code: str
    service_code: str
    service_name: str
    citizen_name: str
    id_number_masked: str
    missing: list[str]
    given_by: str
    given_on: datetime.date

    @staticmethod
    def resolve_id_number_masked(slip):
        from hrss.core.id_numbers import mask

        return mask(slip.id_number) if slip.id_number else ""

    @staticmethod
    def resolve_given_by(slip):
        return slip.given_by.full_name or slip.given_by.get_username()


class FiguresFilter(Schema):
    month: Text(7) = ""
    region: Text(12) = ""


class PromiseFigureOut(Schema):
    service_code: str
    service_name: str
    promise: str
    working_days: bool
    closed: int
    within_promise: int
    over_promise: int
    not_judged: int
    median_days: float | None
    longest_days: int | None


class OverdueFilter(Schema):
    region: Text(12) = ""


class OverdueOut(Schema):
    case_id: int
    case_type: str
    service_code: str
    service_name: str
    title: str
    region_code: str
    office_code: str
    step: str
    held_by: str
    staff: str
    due_date: datetime.date | None
    overdue: bool
    timing: str


def _region(request, code):
    if code:
        return scoping.get_region_or_404(request.user, code)
    scope = scoping.scope_of(request.user)
    if scope.is_empty:
        raise HttpError(403, "您的账号没有管辖范围。")
    return scope.region


def _month(text, today):
    if not text:
        return today.year, today.month
    try:
        first = inputs.parse_month(text, today)
    except inputs.MonthRefused as refused:
        raise HttpError(422, str(refused)) from None
    return first.year, first.month


@router.get("/supervision/services", response=ServicesOut,
            summary="服务事项目录：每项服务今天的材料清单、承诺时限、办理依据、地点、收费（各区域相同）")
def list_services(request):
    # No permission beyond a valid token: the catalogue is what every window tells the public (and the public
    # service guides of issue 16 are built from it).
    today = timezone.localdate()
    return {"on": today, "items": [row["service"].as_json(today) for row in selectors.service_rows(today)]}


@router.get("/supervision/notice-slips", response=list[SlipOut],
            summary="一次性告知书台账（本辖区，可按区域筛选；公民身份号码已遮蔽）")
def list_slips(request, filters: Query[SlipFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    region = scoping.get_region_or_404(request.user, filters.region) if filters.region else None
    return list(selectors.slips_visible(request.user, region)[filters.offset: filters.offset + filters.limit])


@router.post("/supervision/notice-slips", response={201: SlipOut},
             summary="出具一次性告知书（告知机构须在本辖区；缺少的材料取自该事项今天的清单，清单外的写在 other）")
def give_slip(request, body: SlipIn):
    check_permission(request.user, SUPERVISION_HANDLE)
    region = scoping.get_region_or_404(request.user, body.region_code)
    slip = services.give_notice_slip(actor=request.user, region=region, service_code=body.service_code,
                                     citizen_name=body.citizen_name, id_number=body.id_number, missing=body.missing,
                                     other=body.other)
    return Status(201, NoticeSlip.objects.select_related("given_by").get(pk=slip.pk))


@router.get("/supervision/promise-figures", response=list[PromiseFigureOut],
            summary="服务承诺：某区域某月办结的案件数、承诺时限内办结数、实际用时中位数和最长（按事项；无办结案件的事项不列）")
def promise_figures(request, filters: Query[FiguresFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    year, month = _month(filters.month, timezone.localdate())
    region = _region(request, filters.region)
    return [{"service_code": row.service.code, "service_name": row.service.name, "promise": row.promise,
             "working_days": row.service.working_days, "closed": row.closed, "within_promise": row.within,
             "over_promise": row.late, "not_judged": row.unknown, "median_days": row.median, "longest_days": row.longest}
            for row in selectors.promise_rows(request.user, region, year, month)]


@router.get("/supervision/overdue-cases", response=list[OverdueOut],
            summary="限时办结：本辖区已超期或2个工作日内到期的在办案件，含当前环节、办理机构和办理角色")
def overdue_cases(request, filters: Query[OverdueFilter]):
    check_permission(request.user, SUPERVISION_VIEW)
    region = _region(request, filters.region)
    return [{"case_id": row.case.pk, "case_type": row.case.case_type, "service_code": row.service.code,
             "service_name": row.service.name, "title": row.case.title, "region_code": row.case.region_code,
             "office_code": row.office_code, "step": row.step_label, "held_by": row.holders, "staff": row.staff,
             "due_date": row.case.due_date, "overdue": row.overdue, "timing": row.timing.label}
            for row in selectors.open_cases_due(request.user, region, timezone.localdate())]
