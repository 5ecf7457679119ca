"""The funding part's API operations, each with its whole path under /api/v1/network/funds: a region's funding by
office (or, for the city, by county), an office's lines, recording an allocation or a disbursement, the
implementation plans (list, read, send, file, return). Reads through selectors.py, writes through services.py: the
same rules as the pages. Amounts are strings of yuan ("150000.00"), read with core.text.amount_of."""

import base64
import binascii
import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hrss.core import scoping
from hrss.core.api_fields import ObjectId, RegionCode, Text
from hrss.core.models import Level
from hrss.core.permissions import check_permission
from hrss.core.text import amount_of
from hrss.network.funding import rules, selectors, services
from hrss.network.models import ImplementationPlan
from hrss.network.permissions import NETWORK_VIEW

router = Router(tags=["平台建设与考核"])


class FundsOut(Schema):
    region_code: str
    name: str
    allocated: dict[str, str]
    disbursed: dict[str, str]
    balance: dict[str, str]
    match_ratio: str | None
    under_required: bool


class RegionFundsOut(Schema):
    region_code: str
    required_ratio: str | None
    total: FundsOut
    rows: list[FundsOut]


class FundsRegionQuery(Schema):
    region: Text(12) = ""


class LineOut(Schema):
    id: int
    kind: str
    day: datetime.date
    source: str
    purpose: str
    amount: str
    document_number: str
    note: str


class OfficeFundsOut(Schema):
    funds: FundsOut
    lines: list[LineOut]


class AllocationIn(Schema):
    region_code: Text(12)
    source: Text(10)
    amount: Text(20)
    document_number: Text(60)
    allocated_on: datetime.date
    note: Text(200) = ""


class DisbursementIn(Schema):
    region_code: Text(12)
    source: Text(10)
    purpose: Text(16)
    amount: Text(20)
    document_number: Text(60)
    disbursed_on: datetime.date
    note: Text(200) = ""


class PlanIn(Schema):
    region_code: Text(12)
    title: Text(100)
    document_number: Text(60)
    issued_on: datetime.date
    text: Text(20000, lines=True) = ""
    # What a request body may carry (settings.DATA_UPLOAD_MAX_MEMORY_SIZE, less room for the other fields): a longer
    # text is refused here (422) rather than by the server's body limit (413); a larger PDF goes through the page.
    pdf_base64: str = Field("", max_length=min(rules.PDF_MAX_BYTES * 4 // 3 + 8,
                                               settings.DATA_UPLOAD_MAX_MEMORY_SIZE - 64 * 1024),
                            pattern=r"^[A-Za-z0-9+/=\r\n]*$")  # base64: anything else is refused (422)
    pdf_name: Text(100) = ""


class PlanOut(Schema):
    id: int
    region_code: str
    title: str
    document_number: str
    issued_on: datetime.date
    text: str
    has_pdf: bool
    state: str
    decided_on: datetime.date | None
    return_reason: str

    @staticmethod
    def resolve_has_pdf(plan):
        return bool(plan.attachment_name)


class ReturnIn(Schema):
    reason: Text(500, lines=True)


def _funds_out(code, name, funds, today):
    ratio, _required, under = funds.match(today)
    return {"region_code": code, "name": name,
            "allocated": {key: str(value) for key, value in funds.allocated.items()},
            "disbursed": {key: str(value) for key, value in funds.disbursed.items()},
            "balance": {source.value: str(balance) for source, _a, _d, balance in funds.by_source},
            "match_ratio": f"{ratio:.4f}" if ratio is not None else None, "under_required": under}


def _amount(text):
    amount = amount_of(text, bad=False)
    if amount is False or amount is None:
        raise ValidationError("amount 应为金额（元），如 \"150000.00\"。")
    return amount


def _refused(call):
    try:
        return call()
    except PermissionDenied as refused:  # the service's reason (who records which source), not a role's
        raise HttpError(403, str(refused) or "无权限") from None


@router.get("/network/funds", response=RegionFundsOut,
            summary="建设资金：区域内各服务机构（市级为各县(区)）按来源的下达、拨付、余额与县配套比例")
def region_funds(request, query: Query[FundsRegionQuery]):
    check_permission(request.user, NETWORK_VIEW)
    place = scoping.get_region_or_404(request.user, query.region) if query.region else scoping.scope_of(
        request.user).region
    if place is None:
        raise Http404
    today = timezone.localdate()
    if place.level < Level.COUNTY:
        rows = [_funds_out(row["region"].code, row["region"].name, row["funds"], today)
                for row in selectors.county_rows(request.user, place)]
        total = selectors.total_of(row["funds"] for row in selectors.county_rows(request.user, place))
    else:
        found = selectors.office_rows(request.user, place)
        rows = [_funds_out(row["code"], row["place"], row["funds"], today) for row in found]
        total = selectors.total_of(row["funds"] for row in found)
    required = rules.match_ratio_on(today)
    return {"region_code": place.code, "required_ratio": str(required) if required is not None else None,
            "total": _funds_out(place.code, place.name, total, today), "rows": rows}


@router.get("/network/funds/offices/{code}", response=OfficeFundsOut, summary="一个服务机构的建设资金明细与余额")
def office_funds(request, code: RegionCode):
    check_permission(request.user, NETWORK_VIEW)
    place = scoping.get_region_or_404(request.user, code)
    if place.level not in services.OFFICE_LEVELS:
        raise Http404
    allocations, disbursements = selectors.lines_of(request.user, code)
    funds = selectors.funds_by_office(request.user, place).get(code) or selectors.Funds()
    lines = [{"id": line.pk, "kind": "allocation", "day": line.allocated_on, "source": line.source, "purpose": "",
              "amount": str(line.amount), "document_number": line.document_number, "note": line.note}
             for line in allocations]
    lines += [{"id": line.pk, "kind": "disbursement", "day": line.disbursed_on, "source": line.source,
               "purpose": line.purpose, "amount": str(line.amount), "document_number": line.document_number,
               "note": line.note} for line in disbursements]
    return {"funds": _funds_out(code, place.name, funds, timezone.localdate()), "lines": lines}


@router.post("/network/funds/allocations", response={201: LineOut},
             summary="登记资金下达（source：province 省补助、city 市以奖代补由市级登记；county 县配套由县(区)登记）")
def record_allocation(request, body: AllocationIn):
    check_permission(request.user, NETWORK_VIEW)  # FUNDS: the service checks it, after the scope (404 first)
    place = scoping.get_region_or_404(request.user, body.region_code)
    line = _refused(lambda: services.record_allocation(
        actor=request.user, region=place, source=body.source, amount=_amount(body.amount),
        document_number=body.document_number, allocated_on=body.allocated_on, note=body.note))
    return Status(201, {"id": line.pk, "kind": "allocation", "day": line.allocated_on, "source": line.source,
                        "purpose": "", "amount": str(line.amount), "document_number": line.document_number,
                        "note": line.note})


@router.post("/network/funds/disbursements", response={201: LineOut},
             summary="登记资金拨付（purpose：infrastructure 基础设施、equipment 设备购置、operating 工作经费；不超过该来源的余额）")
def record_disbursement(request, body: DisbursementIn):
    check_permission(request.user, NETWORK_VIEW)  # FUNDS: the service checks it, after the scope (404 first)
    place = scoping.get_region_or_404(request.user, body.region_code)
    line = _refused(lambda: services.record_disbursement(
        actor=request.user, region=place, source=body.source, purpose=body.purpose, amount=_amount(body.amount),
        document_number=body.document_number, disbursed_on=body.disbursed_on, note=body.note))
    return Status(201, {"id": line.pk, "kind": "disbursement", "day": line.disbursed_on, "source": line.source,
                        "purpose": line.purpose, "amount": str(line.amount),
                        "document_number": line.document_number, "note": line.note})


@router.get("/network/funds/plans", response=list[PlanOut], summary="实施方案及备案状态（本辖区各县(区)）")
def list_plans(request, query: Query[FundsRegionQuery]):
    check_permission(request.user, NETWORK_VIEW)
    place = scoping.get_region_or_404(request.user, query.region) if query.region else scoping.scope_of(
        request.user).region
    if place is None:
        raise Http404
    return list(selectors.plans_in(request.user, place)[:200])


@router.get("/network/funds/plans/{plan_id}", response=PlanOut, summary="一份实施方案")
def get_plan(request, plan_id: ObjectId):
    check_permission(request.user, NETWORK_VIEW)
    return scoping.get_visible_or_404(ImplementationPlan.objects.defer("attachment"), request.user, pk=plan_id)


@router.post("/network/funds/plans", response={201: PlanOut},
             summary="报送实施方案（县(区)；正文 text 或 PDF 的 base64 pdf_base64，至少其一）")
def submit_plan(request, body: PlanIn):
    check_permission(request.user, NETWORK_VIEW)  # FUNDS: the service checks it, after the scope (404 first)
    county = scoping.get_region_or_404(request.user, body.region_code)
    try:
        attachment = base64.b64decode(body.pdf_base64, validate=True) if body.pdf_base64 else b""
    except (binascii.Error, ValueError):
        raise ValidationError("pdf_base64 不是有效的 base64 编码。") from None
    plan = _refused(lambda: services.submit_plan(
        actor=request.user, county=county, title=body.title, document_number=body.document_number,
        issued_on=body.issued_on, text=body.text, attachment=attachment,
        attachment_name=(body.pdf_name or "实施方案.pdf") if attachment else ""))
    return Status(201, plan)


@router.post("/network/funds/plans/{plan_id}/file", response=PlanOut, summary="实施方案备案（市级）")
def file_plan(request, plan_id: ObjectId):
    check_permission(request.user, NETWORK_VIEW)
    plan = scoping.get_visible_or_404(ImplementationPlan, request.user, pk=plan_id)
    return _refused(lambda: services.file_plan(actor=request.user, plan=plan))


@router.post("/network/funds/plans/{plan_id}/return", response=PlanOut, summary="退回实施方案并说明原因（市级）")
def return_plan(request, plan_id: ObjectId, body: ReturnIn):
    check_permission(request.user, NETWORK_VIEW)
    plan = scoping.get_visible_or_404(ImplementationPlan, request.user, pk=plan_id)
    return _refused(lambda: services.return_plan(actor=request.user, plan=plan, reason=body.reason))
